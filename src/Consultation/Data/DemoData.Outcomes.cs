using static Consultation.Items.ItemKind;
using static Consultation.Outcomes.ResponseCategory;
using static Consultation.Outcomes.Satisfaction;
using static Consultation.Visits.VisitMethod;
using static Consultation.Visits.VisitPhase;

namespace Consultation.Data;

// Items from the answer on: waiting for the deputy's verdict, evaluated, re-handled and closed, and last year's.
internal static partial class DemoData
{
    private static void AddAnsweredItems(Demo demo)
    {
        demo.Item(Suggestion, new("关于优化义务教育入学报名流程的建议",
                "每年义务教育入学报名期间，家长需要准备户籍、房产、居住证等多项材料，往返多个部门开具证明，线上报名系统高峰时段卡顿，家长反映“报名比上学还难”。",
                "入学报名材料多、证明多，线上系统高峰卡顿。",
                "一是推动户籍、不动产、社保等数据共享，实现材料“免提交”；二是提升报名系统承载能力；三是开通咨询热线和现场帮办服务。"),
            "li", "liu")
            .Submitted(-90).Registered(-82).Assigned(-78, "education").SignedFor(-77)
            .Progress(-76, "已签收，会同市公安局、市规划和自然资源委员会研究数据共享方案。")
            .Progress(-50, "户籍、不动产登记、居住证等6类信息完成部门间共享对接。")
            .Progress(-20, "入学报名系统完成扩容改造并通过压力测试。")
            .Contacted(-8, Video, "代表对数据共享和系统扩容表示认可，希望帮办服务覆盖到每个街道。")
            .Answered(-3, A, "李建国代表：您提出的《关于优化义务教育入学报名流程的建议》收悉，现答复如下：一、户籍、不动产登记、居住证等6类信息已实现部门间共享，家长报名时无需再提交纸质证明，由系统自动核验。二、入学报名系统完成扩容，并发承载能力提升3倍。三、各区开通入学咨询热线，并在街道政务服务中心设置现场帮办窗口。感谢您对教育工作的关心和支持。")
            .Notifies("deputy.li", "answered", -3);

        demo.Item(Suggestion, new("关于加强老城区胡同停车管理的建议",
                "老城区胡同狭窄，居民停车位严重不足，外来车辆随意停放，堵塞消防通道，胡同居民出行和应急救援受到影响。",
                "胡同停车位少，外来车辆乱停堵塞消防通道。",
                "一是推行胡同停车“居民优先”认证；二是利用周边公共建筑错时共享停车；三是加强胡同停车秩序执法。"),
            "chen")
            .Submitted(-95).Registered(-88).Assigned(-85, "transport", "police", "district").SignedFor(-84)
            .Progress(-80, "已签收，会同市交管局、东城区政府制定胡同停车治理试点方案。")
            .CoOpinion(-60, "police", "市交管局意见：将对试点胡同实行“单侧停车、居民优先”管理，加大对堵塞消防通道车辆的查处力度。")
            .CoOpinion(-58, "district", "东城区政府意见：区里选择3个街道开展胡同停车自治试点，由社区组织居民议定停车公约。")
            .Progress(-50, "在东城区3个街道启动胡同停车自治试点，发放居民停车证1200余张。")
            .Visit(demo.Day(-20, 10), 40, DuringHandling, Phone, "通报胡同停车试点进展。")
            .Held(new Minutes("代表认为试点效果明显，希望尽快扩大范围，并解决夜间错时停车的收费问题。",
                "市交通局介绍了试点进展和错时共享车位协调情况。",
                new Promise("协调周边单位再开放一批错时共享车位", -12, DoneDay: -14)))
            .Progress(-14, "协调周边12家单位开放错时共享车位560个。")
            .Answered(-10, B, "陈志强代表：您提出的《关于加强老城区胡同停车管理的建议》收悉，现答复如下：我局会同市交管局、东城区政府在3个街道试点胡同停车自治管理，发放居民停车证1200余张，协调周边单位开放错时共享车位560个，胡同停车秩序明显改善。下一步将总结试点经验，于明年在老城区全面推广。");

        demo.Item(Proposal, new("关于推进农贸市场标准化改造的提案",
                "我市部分农贸市场建成年代久远，设施陈旧，通风、排水条件差，存在脏乱差现象，食品安全快检能力不足，与居民对购物环境的期待有较大差距。",
                "农贸市场设施陈旧、环境脏乱，快检能力不足。",
                "一是制定农贸市场标准化改造三年计划；二是对改造给予财政资金支持；三是每个市场配备快检室。"),
            "sun", "ma")
            .Submitted(-92).Registered(-86).Assigned(-80, "commerce").SignedFor(-79)
            .Progress(-75, "已签收，对中心城区42家农贸市场开展现状评估。")
            .Progress(-40, "编制农贸市场标准化改造导则（征求意见稿）。")
            .Visit(demo.Day(-14, 10), 60, BeforeAnswer, InPerson, "当面沟通改造计划和资金安排。")
            .Held(new Minutes("委员理解资金条件限制，希望优先改造老城区群众反映集中的市场，并尽快配齐快检室。",
                "市商务局介绍了现状评估结果、改造导则和资金安排。",
                new Promise("向委员提供首批改造市场名单", 10)))
            .Answered(-8, C, "孙丽萍委员：您提出的《关于推进农贸市场标准化改造的提案》收悉，现答复如下：我局已完成中心城区42家农贸市场现状评估，编制了标准化改造导则。受财政资金和市场产权分散等条件限制，全面改造需分步推进，已将15家市场纳入改造储备库，待资金落实后逐步实施；快检室配备将结合改造同步推进。");

        demo.Item(Express, new("关于建设路北口公交站候车亭顶棚破损的督办直通车",
                "建设路北口公交站候车亭顶棚玻璃破碎，部分玻璃悬挂在顶棚边缘，雨天乘客无处避雨，还有坠落伤人的危险。",
                "候车亭顶棚玻璃破碎，存在坠落隐患。",
                "立即清除隐患并修复候车亭。"),
            "li")
            .Submitted(-14).Registered(-13).Assigned(-12, "transport").SignedFor(-12)
            .Progress(-12, "已签收，当日安排养护单位到场清除悬挂玻璃，设置临时警示。", hour: 17)
            .Progress(-6, "新顶棚安装完毕；同步对全市候车亭开展安全排查。")
            .Contacted(-4, Phone, "代表对处置速度表示满意，希望排查中发现的问题也能及时整改。")
            .Answered(-1, A, "李建国代表：您反映的建设路北口公交站候车亭顶棚破损问题，我局接报当日即安排养护单位清除悬挂玻璃并设置警示，新顶棚已安装完毕。同时组织对全市候车亭开展安全排查，发现并修复问题32处。")
            .Notifies("deputy.li", "answered", -1);

        demo.Item(Proposal, new("关于增设社区便民菜店的提案",
                "一些新建居住区和老旧小区周边缺少便民菜店，居民买菜需要跑很远，老年人尤其不便。",
                "部分社区便民菜店缺失，居民买菜不便。",
                "一是将便民菜店纳入社区配套设施规划；二是利用社区闲置用房开设菜店；三是支持品牌连锁菜店进社区。"),
            "zhao")
            .Submitted(-120).Registered(-112).Assigned(-105, "commerce").SignedFor(-104)
            .Progress(-100, "已签收，对全市社区便民菜店布局开展摸底。")
            .Progress(-70, "梳理出缺少便民菜店的社区132个，逐一制定补建方案。")
            .Contacted(-35, Video, "委员认可补建方案，希望菜店价格保持平价。")
            .Answered(-30, A, "赵文华委员：您提出的《关于增设社区便民菜店的提案》收悉，现答复如下：今年我局会同各区新建、改造社区便民菜店126个，利用社区闲置用房开店38个，实现城市社区便民菜店全覆盖，并将便民菜店纳入新建居住区配套设施规划。")
            .Evaluated(-22, Satisfied, Satisfied, "办理认真，社区菜店布局明显改善。");

        demo.Item(Suggestion, new("关于完善中小学课后服务的建议",
                "双职工家庭普遍存在“三点半难题”，部分学校课后服务时间短、内容以看管和作业辅导为主，难以满足学生多样化需求。",
                "课后服务时间短、内容单一。",
                "一是课后服务时间与家长下班时间衔接；二是引入体育、艺术、科技等优质资源；三是对参与课后服务的教师给予补助。"),
            "zhang", "wu")
            .Submitted(-110).Registered(-100).Assigned(-96, "education").SignedFor(-95)
            .Progress(-90, "已签收，对全市中小学课后服务开展情况进行调研。")
            .Progress(-60, "指导学校将课后服务结束时间延长至18:00。")
            .Contacted(-40, Phone, "代表认可延时安排，希望丰富服务内容。")
            .Answered(-35, B, "张秀英代表：您提出的《关于完善中小学课后服务的建议》收悉，现答复如下：全市中小学课后服务结束时间已延长至18:00，教师参与课后服务的补助标准已纳入绩效工资核定。引入社会优质资源的工作正在推进，计划明年春季学期起在50所学校试点体育、艺术、科技类课程。")
            .Evaluated(-28, Satisfied, BasicallySatisfied, "课后服务时间已延长，但服务内容还比较单一，希望继续丰富。");

        demo.Item(Suggestion, new("关于在医院和商场门前设置出租车扬招站的建议",
                "医院、商场等场所门前缺少出租车扬招站，乘客只能在路边拦车，车辆随意停靠上下客，既不安全又影响交通。",
                "重点场所出租车扬招站缺失，车辆随意停靠上下客。",
                "在医院、大型商场和交通枢纽门前规划设置出租车扬招站。"),
            "chen")
            .Submitted(-100).Registered(-94).Assigned(-90, "transport", "police").SignedFor(-89)
            .Progress(-85, "已签收，梳理全市三级医院和大型商场周边道路条件。")
            .CoOpinion(-70, "police", "市交管局意见：同意在具备条件的路段设置扬招站，并配套施划停车上下客标线。")
            .Progress(-50, "在28家医院、15个商场门前设置出租车扬招站43处。")
            .Contacted(-30, Video, "代表对设置情况表示满意。")
            .Answered(-25, A, "陈志强代表：您提出的《关于在医院和商场门前设置出租车扬招站的建议》收悉。我局会同市交管局在28家医院、15个大型商场门前设置出租车扬招站43处，配套施划上下客标线，车辆随意停靠问题明显改善。")
            .Evaluated(-18, Satisfied, Satisfied)
            .Notifies("handler.transport", "evaluated", -18, read: true);

        demo.Item(Suggestion, new("关于恢复和平里社区公交站点、方便老年人出行的建议",
                "公交线路调整后，和平里社区门前的公交站点被取消，社区内老年人需步行800米到相邻站点乘车，就医、买菜十分不便。",
                "站点取消后老年人出行距离明显增加。",
                "恢复和平里社区站点，或调整附近线路绕行社区设站。"),
            "zhang")
            .Submitted(-100).Registered(-92).Assigned(-88, "transport").SignedFor(-87)
            .Progress(-80, "已签收，调取线路调整前后的客流数据。")
            .Contacted(-52, Video, "代表坚持希望恢复站点。")
            .Answered(-48, D, "张秀英代表：该站点距上下游站点较近，恢复设站将影响线路运行效率，您的意见我们将在今后线网优化中参考。")
            .Evaluated(-33, Dissatisfied, Dissatisfied, "答复未考虑沿线老年人的实际困难，取消站点后老人要多走800米，希望重新研究。")
            .Notifies("handler.transport", "rehandling", -33, read: true)
            .Progress(-28, "重新办理：组织现场踏勘，统计站点周边60岁以上居民约2300人。")
            .Progress(-6, "研究调整方案：拟将社区微循环线路延伸至和平里社区门前设站。")
            .Visit(demo.Day(2, 10), 40, DuringHandling, InPerson, "现场踏勘并当面沟通微循环线路延伸方案。");

        demo.Item(Proposal, new("关于腾退文物建筑合理利用、向公众开放的提案",
                "近年来我市腾退了一批文物建筑，但部分腾退后长期闲置，有的仅用作办公场所，社会公众难以走进，文物价值没有充分发挥。",
                "腾退文物建筑闲置或封闭使用，公众难以走进。",
                "一是制定腾退文物建筑利用导则；二是优先用于博物馆、图书馆等公共文化服务；三是建立向公众开放的评估和公示制度。"),
            "sun")
            .Submitted(-140).Registered(-132).Assigned(-128, "culture").SignedFor(-127)
            .Progress(-120, "已签收，梳理近五年腾退文物建筑的利用情况。")
            .Progress(-90, "起草《腾退文物建筑活化利用导则》。")
            .Contacted(-44, InPerson, "委员希望答复回应具体开放安排。")
            .Answered(-40, D, "孙丽萍委员：您的提案对做好文物活化利用工作具有参考价值，我局将在今后工作中认真研究吸收。")
            .Evaluated(-25, BasicallySatisfied, Dissatisfied, "答复内容空泛，没有回应腾退后如何向公众开放的具体问题。")
            .Progress(-20, "重新办理：逐处梳理已腾退文物建筑的开放条件，起草开放清单。");
    }

    private static void AddClosedItems(Demo demo)
    {
        demo.Item(Suggestion, new("关于加快老旧小区雨污分流改造的建议",
                "部分老旧小区仍为雨污合流，雨季污水外溢，影响居民生活和河道水质。",
                "老旧小区雨污合流，雨季污水外溢。",
                "将雨污分流纳入老旧小区综合整治，优先改造问题突出的小区。"),
            "zhang")
            .Submitted(-150).Registered(-140).Assigned(-135, "housing").SignedFor(-134)
            .Progress(-120, "已签收，将28个问题突出的小区纳入今年改造计划。")
            .Progress(-80, "28个小区雨污分流改造全部完工。")
            .Contacted(-70, InPerson, "代表对改造效果表示满意。")
            .Answered(-62, A, "张秀英代表：您提出的建议已纳入今年老旧小区综合整治，28个问题突出的小区雨污分流改造已全部完工。")
            .Evaluated(-55, Satisfied, Satisfied).Closed(-50);

        demo.Item(Proposal, new("关于推广税费业务“一网通办”的提案",
                "部分税费业务仍需到办税服务厅现场办理，企业跑腿多、等候时间长。",
                "税费业务线上办理覆盖不全。",
                "扩大电子税务局业务范围，推动税费业务“一网通办”。"),
            "zhao", "zheng")
            .Submitted(-145).Registered(-138).Assigned(-133, "tax").SignedFor(-132)
            .Progress(-110, "已签收，梳理仍需线下办理的税费事项。")
            .Progress(-75, "新增线上办理事项46项，全程网办率达到98%。")
            .Contacted(-60, Video, "委员认可办理成效。")
            .Answered(-55, A, "赵文华委员：我局已新增线上办理事项46项，税费业务全程网办率达到98%，企业平均跑腿次数明显下降。")
            .Evaluated(-48, Satisfied, Satisfied).Closed(-45);

        demo.Item(Suggestion, new("关于盘活公交场站资源、建设综合停车场的建议",
                "部分公交场站夜间利用率低，而周边居民夜间停车难，可探索场站立体综合开发。",
                "公交场站资源利用率低，周边停车难。",
                "利用公交场站建设立体停车设施，夜间向周边居民开放。"),
            "li")
            .Submitted(-140).Registered(-130).Assigned(-125, "transport").SignedFor(-124)
            .Progress(-100, "已签收，对全市公交场站开展综合利用评估。")
            .Progress(-60, "确定首批5处场站夜间向周边居民开放。")
            .Contacted(-50, Video, "代表希望加快立体停车设施建设。")
            .Answered(-42, B, "李建国代表：首批5处公交场站已于夜间向周边居民开放停车，提供车位620个；立体综合开发已列入明后两年建设计划，我局将持续推进并及时向您通报进展。")
            .Evaluated(-35, Satisfied, BasicallySatisfied).Closed(-30);

        demo.Item(Proposal, new("关于加快编制历史文化街区保护规划的提案",
                "我市部分历史文化街区尚未编制保护规划，建设管控缺乏依据，传统风貌受到蚕食。",
                "部分历史文化街区缺少保护规划。",
                "加快完成全部历史文化街区保护规划编制并向社会公布。"),
            "sun", "huang")
            .Submitted(-150).Registered(-138).Assigned(-130, "culture", "housing").SignedFor(-129)
            .Progress(-110, "已签收，梳理尚未编制保护规划的街区名录。")
            .CoOpinion(-105, "housing", "市住建委意见：将在规划编制完成前，对相关街区的建设项目从严审查。")
            .Progress(-60, "完成5片街区保护规划草案。")
            .Contacted(-40, Video, "委员理解编制周期，希望加快进度。")
            .Answered(-33, C, "孙丽萍委员：受规划编制周期和专家论证程序限制，全部街区保护规划需分批完成。目前5片街区规划草案已完成，其余街区将于后年底前完成编制并向社会公布。")
            .Evaluated(-27, BasicallySatisfied, BasicallySatisfied).Closed(-20);

        demo.Item(Express, new("关于实验小学门口人行横道信号灯故障的督办直通车",
                "实验小学门口人行横道信号灯故障，上下学时段学生过街缺少信号控制，安全隐患突出。",
                "学校门口过街信号灯故障。",
                "尽快修复信号灯，上下学时段安排警力疏导。"),
            "chen")
            .Submitted(-75).Registered(-74).Assigned(-73, "police").SignedFor(-73)
            .Progress(-73, "已签收，当日安排警力在上下学时段现场疏导。", hour: 17)
            .Progress(-70, "信号灯控制器已更换，恢复正常运行。")
            .Contacted(-66, Phone, "代表对处置速度表示满意。")
            .Answered(-64, A, "陈志强代表：您反映的实验小学门口信号灯故障已修复，上下学时段已安排警力现场疏导。")
            .Evaluated(-60, Satisfied, Satisfied).Closed(-58);
    }

    private static void AddLastYearItems(Demo demo)
    {
        demo.Session = demo.Previous;
        demo.Item(Suggestion, new("关于完善学校周边交通安全设施的建议",
                "部分学校周边缺少减速带、警示标志和过街设施，学生上下学安全隐患较多。",
                "学校周边交通安全设施不完善。",
                "对全市中小学周边交通安全设施开展排查并补齐短板。"),
            "li", "liu")
            .Submitted(-340).Registered(-330).Assigned(-325, "transport", "police").SignedFor(-324)
            .Progress(-320, "已签收，会同市交管局开展排查。")
            .CoOpinion(-300, "police", "市交管局意见：将在学校周边增设电子警察和限速标志。")
            .Progress(-280, "为186所学校补设减速带、警示标志和过街设施。")
            .Contacted(-270, Video, "代表对整改情况表示满意。")
            .Answered(-262, A, "李建国代表：我局会同市交管局为186所学校补设了减速带、警示标志和过街设施，学校周边交通安全状况明显改善。")
            .Evaluated(-255, Satisfied, Satisfied).Closed(-250);

        demo.Item(Proposal, new("关于布局建设平价“菜篮子”直营店的提案",
                "平价蔬菜直营店能有效平抑菜价，但目前数量少、分布不均。",
                "平价直营店数量少、分布不均。",
                "按照每个街道至少一家的标准布局平价直营店。"),
            "zhao")
            .Submitted(-335).Registered(-328).Assigned(-322, "commerce").SignedFor(-321)
            .Progress(-300, "已签收，制定平价直营店布局规划。")
            .Contacted(-260, InPerson, "委员希望加快布局。")
            .Answered(-250, B, "赵文华委员：平价直营店布局规划已制定，今年已建成60家，其余将于明年建成。")
            .Evaluated(-243, BasicallySatisfied, BasicallySatisfied).Closed(-240)
            .FollowedUp(-60, A, "赵文华委员：去年答复中列入计划的平价直营店已全部建成，实现每个街道至少一家。");

        demo.Item(Suggestion, new("关于提高老旧小区加装电梯财政补贴的建议",
                "现行加装电梯补贴标准多年未调整，与实际造价差距较大，居民出资压力大。",
                "补贴标准偏低，居民出资压力大。",
                "提高加装电梯财政补贴标准，并允许提取住房公积金支付。"),
            "zhang")
            .Submitted(-338).Registered(-329).Assigned(-324, "housing").SignedFor(-323)
            .Progress(-310, "已签收，测算近三年加装电梯实际造价。")
            .Contacted(-280, Phone, "代表希望尽快调整补贴标准。")
            .Answered(-272, C, "张秀英代表：调整补贴标准需统筹财政承受能力，待条件成熟时研究。")
            .Evaluated(-262, BasicallySatisfied, Dissatisfied, "答复没有时间表，居民无法安排出资计划。")
            .Progress(-255, "重新办理：会同市财政局研究补贴调整方案。")
            .Contacted(-245, Video, "代表认可重新办理的方案。")
            .Answered(-240, B, "张秀英代表：经会同市财政局研究，加装电梯补贴标准将自明年起由每部24万元提高到30万元，并开通住房公积金提取渠道。")
            .Evaluated(-232, BasicallySatisfied, BasicallySatisfied).Closed(-228);

        demo.Item(Suggestion, new("关于保护老城传统胡同肌理的建议",
                "老城部分胡同在改造中被拓宽取直，传统胡同肌理和历史风貌受到破坏。",
                "胡同改造中肌理受损。",
                "出台胡同保护技术导则，严控拓宽取直。"),
            "chen")
            .Submitted(-336).Registered(-327).Assigned(-320, "culture", "district").SignedFor(-319)
            .Progress(-310, "已签收，起草胡同保护技术导则。")
            .CoOpinion(-300, "district", "东城区政府意见：区内胡同改造项目已全部按保护要求复核。")
            .Contacted(-275, Video, "代表对导则内容表示认可。")
            .Answered(-265, A, "陈志强代表：《老城胡同保护技术导则》已印发实施，明确禁止拓宽取直，区内在建项目已全部复核。")
            .Evaluated(-258, Satisfied, Satisfied).Closed(-254);
    }
}

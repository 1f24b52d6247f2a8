using Consultation.Visits;
using static Consultation.Items.ItemKind;
using static Consultation.Visits.VisitMethod;
using static Consultation.Visits.VisitPhase;

namespace Consultation.Data;

// The current session's items up to the answer: the office's queue, the units' inboxes and what is due.
internal static partial class DemoData
{
    private static void AddCurrentItems(Demo demo)
    {
        demo.Session = demo.Current;
        AddWaitingItems(demo);
        AddSchoolParking(demo);
        AddBusLines(demo);
        AddVegetableBasket(demo);
        AddImperialCity(demo);
        AddOtherItemsInHandling(demo);
        AddAnsweredItems(demo);
        AddClosedItems(demo);
        demo.MorningDigestFor("handler.transport", "office");
    }

    /// <summary>Drafts, items waiting for the office, rejected ones, and items assigned but not yet signed for.</summary>
    private static void AddWaitingItems(Demo demo)
    {
        demo.Item(Suggestion, new("关于在老旧小区推广“口袋公园”建设的建议",
                "中心城区老旧小区密集，居民日常休闲健身空间不足。部分小区内外的边角地、闲置地长期无人管理，既影响环境又浪费资源。建议利用这些零星空间建设“口袋公园”，让居民出门即可见绿。",
                "老旧小区公共绿地和休闲空间不足，边角闲置地块长期荒废。",
                "一是开展老旧小区周边闲置地块摸底；二是制定“口袋公园”建设标准和年度计划；三是建立居民参与的后期管护机制。"),
            "chen").Drafted(-3);
        demo.Item(Proposal, new("关于规范共享单车停放秩序的提案",
                "共享单车方便了市民短途出行，但地铁站口、商圈周边乱停乱放现象突出，挤占盲道和人行道。企业投放总量与调度能力不匹配，电子围栏覆盖不足。",
                "地铁站口、商圈周边共享单车淤积，挤占盲道和人行道。",
                "一是实行投放总量控制和动态调整；二是在重点区域扩大电子围栏覆盖；三是将企业调度考核结果与投放配额挂钩。"),
            "sun").Drafted(-1);

        demo.Item(Suggestion, new("关于增加社区老年助餐点的建议",
                "随着人口老龄化加快，独居和高龄老人“吃饭难”问题日益突出。部分街道老年餐桌覆盖率不高，有的助餐点价格偏高、菜品单一，距离较远的老人难以享受服务。",
                "社区老年助餐点覆盖不足，价格偏高、菜品单一，缺少送餐上门服务。",
                "一是按照步行15分钟服务圈布局助餐点；二是对高龄、失能、低保老人给予用餐补贴；三是鼓励餐饮企业参与并提供送餐上门服务。"),
            "zhang", "wu", "zhou").Submitted(-2).Unconfirmed("zhou");
        demo.Item(Express, new("关于小区门前井盖缺失存在安全隐患的督办直通车",
                "西城区某小区南门外人行道上一处污水井盖缺失已有一周，仅用一块木板临时遮挡，夜间照明不足，老人和孩子经过时极易踩空跌落。",
                "井盖缺失，临时遮挡不牢固，存在跌落隐患。",
                "尽快补装井盖，并排查周边同类隐患。"),
            "zhang").Submitted(demo.Now.AddHours(-3));

        demo.Item(Suggestion, new("关于提高个人所得税起征点的建议",
                "近年来居民生活成本持续上升，现行个人所得税起征点已不能充分反映大城市居民的实际支出水平，工薪阶层税负感受较重。",
                "起征点与大城市生活成本不匹配。",
                "建议将个人所得税起征点提高至每月8000元，并扩大专项附加扣除范围。"),
            "chen").Submitted(-40)
            .Rejected(-36, "个人所得税起征点属于国家税收立法事项，不属于本市人民政府职权范围，不予立案。建议通过全国人大代表向全国人大常委会反映。");
        demo.Item(Proposal, new("关于解决商户与物业公司租金纠纷的提案",
                "某商业综合体物业公司单方面上调商户租金和物业费，部分小商户经营困难，多次协商未果。",
                "物业单方面上调租金，商户维权困难。",
                "请有关部门介入调解，督促物业公司合理定价。"),
            "zhao").Submitted(-30)
            .Rejected(-27, "本件反映的是个别商户与物业公司之间的民事纠纷，属于具体个人诉求，不符合提案立案标准，已转请有关部门通过信访渠道依法处理。");

        var charging = demo.Item(Suggestion, new("关于加快新能源汽车充电桩进小区的建议",
                "我市新能源汽车保有量快速增长，但老旧小区受电力容量、车位产权和物业协调等因素制约，私人充电桩安装难，公共充电设施也不足，“充电难”成为车主的烦心事。",
                "老旧小区电力容量不足、物业不配合，私人充电桩安装难；公共充电桩数量少、分布不均。",
                "一是将小区充电设施建设纳入老旧小区改造内容；二是明确物业配合安装的责任和流程；三是利用小区周边公共停车场建设集中充电站。"),
            "li", "wang").Submitted(-6).Registered(-1).Tagged(troublesome: true);
        charging.Notifies("deputy.li", "registered", -1);
        demo.Item(Proposal, new("关于加强中小学生心理健康服务的提案",
                "近年来中小学生心理问题呈上升趋势，但学校专职心理教师配备不足，家校医协同机制尚不健全，心理危机早期识别和干预能力有待提高。",
                "专职心理教师不足，家校医协同不畅，危机干预能力弱。",
                "一是按师生比配齐专职心理健康教师；二是建立学校与精神卫生专业机构的转介绿色通道；三是面向家长普及心理健康知识。"),
            "sun", "huang", "ma").Submitted(-9).Registered(-2);
        demo.Item(Suggestion, new("关于规范外卖电动自行车停放和充电管理的建议",
                "外卖骑手的电动自行车在居民楼道内停放、“飞线”充电的现象时有发生，火灾隐患较大；商圈周边骑手临时停车点不足，占用人行道现象突出。",
                "楼道停放和“飞线”充电存在火灾隐患，骑手停车点不足。",
                "一是在社区和商圈建设集中停放充电设施；二是联合平台企业开展骑手安全培训；三是加大违规充电排查整治力度。"),
            "zhang").Submitted(-5).Registered(-1).Tagged(urgent: true);

        demo.Item(Suggestion, new("关于优化地铁站与公交站接驳换乘的建议",
                "部分地铁站出口与公交站台相距超过300米，换乘需穿越路口，雨雪天气尤为不便；部分公交末班车早于地铁末班车，夜间“最后一公里”问题突出。",
                "地铁与公交换乘距离远，末班车时间不衔接。",
                "一是对换乘距离超过200米的站点优化调整；二是推动公交末班车与地铁末班车衔接；三是完善换乘引导标识。"),
            "chen", "zhou").Submitted(-15).Registered(-6).Assigned(-3, "transport", "police")
            .Notifies("handler.transport", "assigned", -3);
        demo.Item(Suggestion, new("关于整治老城区街巷占道经营的建议",
                "老城区部分街巷早晚时段流动摊贩聚集，占道经营、油烟噪声扰民问题反复出现，既挤占了本就狭窄的通行空间，也影响历史街区风貌。",
                "街巷流动摊贩占道经营反复回潮，油烟噪声扰民。",
                "一是建立属地街道牵头的常态化巡查机制；二是设置规范的便民疏导点；三是加大占道经营执法力度。"),
            "wu").ImportedAs("paper-0001").Submitted(-20).Registered(-8).Assigned(-5, "commerce")
            .AsksToReturn(-3, "本件所提街巷占道经营问题属于城市管理综合执法和属地街道职责，我局不承担占道经营执法职能，建议改由东城区人民政府主办。")
            .Notifies("office", "return-requested", -3);
        demo.Item(Express, new("关于胡同内路灯损坏夜间出行不便的督办直通车",
                "东城区某胡同内连续6盏路灯损坏已近半个月，夜间胡同内漆黑一片，居民多为老人，出行极不安全。",
                "胡同路灯大面积损坏，夜间照明缺失。",
                "尽快修复路灯，并建立路灯故障快速报修机制。"),
            "li").District().Submitted(-4).Registered(-3).Assigned(-2, "district")
            .Notifies("deputy.li", "assigned", -2);
    }

    private static void AddSchoolParking(Demo demo)
    {
        var parking = demo.Item(Suggestion, new("关于缓解学校周边停车难、规范接送秩序的建议",
                "每天上下学时段，城区不少中小学门前道路被接送车辆占满，临时停车、并排停车现象普遍，周边道路严重拥堵，学生上下学安全存在隐患。学校周边停车资源不足，而附近机关、商业停车场白天闲置，潮汐特征明显。",
                "学校周边停车泊位不足，接送高峰车辆乱停乱放，交通拥堵且存在安全隐患。",
                "一是挖掘学校周边停车资源，推动机关、商业停车场错时共享；二是在具备条件的学校设置“即停即走”接送区；三是推广错峰上下学和护学岗制度；四是开通定制通学公交。"),
            "li", "liu", "wang")
            .Submitted(-100).Registered(-93).Tagged(troublesome: true)
            .Key("由市交通运输局牵头，会同市教育局、市公安局交通管理局成立工作专班：第一阶段（1个月）完成城区中小学周边停车资源摸底；第二阶段（2个月）在10所学校开展“即停即走”和错时共享停车试点；第三阶段总结试点经验，形成全市推广方案。")
            .AssignedDueIn(4, "transport", "education", "police").SignedFor(-84)
            .Progress(-83, "已签收，成立由分管副局长牵头的工作专班，制定办理方案。")
            .Progress(-70, "会同市教育局、市公安局交通管理局对城区52所中小学周边停车情况开展实地调研。")
            .CoOpinion(-62, "education", "市教育局意见：已指导城区中小学全面推行错峰放学，低年级与高年级放学时间错开15至20分钟；同意在具备条件的学校开放操场或地下空间作为接送临时停车区，并组织家长志愿者护学岗。")
            .Visit(demo.Day(-45, 15), 40, DuringHandling, Video, "通报停车资源摸底情况和试点方案，听取代表意见。", coSigners: true, office: true)
            .Held(new Minutes("代表认可摸底调研工作，希望试点尽快落地，并关注试点学校周边老旧小区居民的停车需求，避免“按下葫芦浮起瓢”。",
                "市交通局介绍了停车资源摸底结果和错时共享停车试点方案，市教育局介绍了错峰放学安排。",
                new Promise("在试点学校周边施划临时停车泊位，设置“即停即走”接送区", -15, DoneDay: -18)))
            .Progress(-20, "在3所试点学校周边施划临时停车泊位126个，设置“即停即走”接送区，协调2家机关单位开放错时共享车位80个。")
            .Progress(-4, "起草答复初稿，征求协办单位意见。")
            .Visit(demo.Soon(15), 45, BeforeAnswer, Video, "就答复初稿与代表屏对屏沟通，听取代表对试点效果和全市推广方案的意见。", coSigners: true, office: true)
            .NotifiesOfVisit("deputy.li", read: true)
            .NotifiesOfVisit("handler.transport", read: true);
    }

    private static void AddBusLines(Demo demo)
    {
        demo.Item(Suggestion, new("关于缩短118路公交候车时间、优化线路运营的建议",
                "118路公交是连接城东居住区与老城区医院、学校的主要线路，沿线居民以老年人居多。近一年来该线路发车间隔由10分钟延长至20分钟以上，早晚高峰经常出现“等车半小时、来车挤不上”的情况，群众意见较大。",
                "118路高峰发车间隔过长、车辆满载率高，电子站牌到站信息不准确。",
                "一是高峰时段加密发车，间隔压缩到10分钟以内；二是增开区间车；三是完善电子站牌和实时到站查询。"),
            "li", "zhang")
            .Submitted(-70).Registered(-60).Assigned(-55, "transport").SignedFor(-54)
            .Progress(-50, "已签收，由公交运营处具体办理，调取118路近三个月客流和运营数据。")
            .Progress(-38, "开展沿线客流调查：高峰时段满载率达115%，主要原因是线路配车不足、途经路段拥堵。")
            .Progress(-20, "会同公交集团研究调整方案：新增配车4部，高峰发车间隔拟压缩至8分钟，增开早高峰区间车。")
            .Visit(demo.Day(-6, 10), 45, BeforeAnswer, Video, "向代表通报118路运营调整方案。", coSigners: true)
            .CancelledBecause("李建国代表临时参加市人大常委会专题调研，申请改期。")
            .NotifiesOfVisit("deputy.li", VisitMessage.Cancelled, read: true, day: -7)
            .Visit(demo.Day(1, 10), 45, BeforeAnswer, Video, "向代表通报118路运营调整方案，听取代表意见。", coSigners: true, extraStaff: "handler.transport2")
            .NotifiesOfVisit("deputy.li", read: true)
            .NotifiesOfVisit("handler.transport2");

        demo.Item(Suggestion, new("关于增开夜班公交线路、方便夜间出行的建议",
                "随着夜间经济发展，医院、商圈、交通枢纽周边夜间出行需求明显增加。目前我市夜班公交线路仅有8条，覆盖范围有限，不少夜间下班的医护人员、服务业从业者只能打车或步行，出行成本高、安全隐患大。",
                "夜班公交线路少、覆盖不足，与医院、商圈、枢纽的夜间出行需求不匹配。",
                "一是结合手机信令和网约车数据分析夜间出行热点；二是新增连接主要医院、商圈和火车站的夜班线路；三是完善夜班线路站点照明和候车设施。"),
            "li")
            .Submitted(-62).Registered(-52).Assigned(-48, "transport", "police").SignedFor(-47)
            .Progress(-46, "已签收，委托市交通规划研究中心开展夜间出行需求分析。")
            .CoOpinion(-30, "police", "市交管局意见：夜班线路途经路段夜间交通流量较小，具备设置条件；建议在医院周边站点同步完善夜间照明和过街设施。")
            .Progress(-25, "初步确定3条夜班线路走向方案，正在征求沿线街道和公交集团意见。")
            .Visit(demo.Day(7, 15), 30, BeforeAnswer, Video, "就3条夜班线路走向方案听取代表意见。")
            .NotifiesOfVisit("deputy.li")
            .NotifiesOfVisit("handler.transport");

        demo.Item(Express, new("关于光明街公交站电子站牌长期黑屏的督办直通车",
                "光明街公交站台的电子站牌黑屏已一个多月，候车乘客无法获知车辆到站信息，老年乘客只能反复询问。",
                "电子站牌故障长期未修复。",
                "尽快修复电子站牌，并建立站牌设备定期巡检制度。"),
            "zhang")
            .Submitted(-13).Registered(-12).AssignedDueIn(4, "transport").SignedFor(-10)
            .Notifies("handler.transport", "assigned", -11, read: true)
            .Progress(-10, "已签收，通知站牌运维单位现场检修。")
            .Progress(-6, "经检测为供电模块损坏，备件已订购，预计一周内到货更换。");
    }

    private static void AddVegetableBasket(Demo demo)
    {
        demo.Item(Proposal, new("关于做好“菜篮子”产品保供稳价工作的提案",
                "今年以来，受极端天气和运输成本上涨影响，我市部分蔬菜、肉蛋价格波动较大，社区平价菜店数量减少，低收入家庭对“菜篮子”价格变化感受明显。保障“菜篮子”产品供应稳定、价格基本稳定，是重要的民生工程。",
                "蔬菜价格季节性波动大，从批发市场到社区的流通环节多、成本高，社区平价菜店经营困难。",
                "一是完善蔬菜储备和应急投放机制；二是支持“农超对接”“基地直供”，减少流通环节；三是对社区平价菜店给予租金和运营补贴；四是保障鲜活农产品运输“绿色通道”畅通。"),
            "zhao", "zheng")
            .Submitted(-115).Registered(-108).Tagged(urgent: true, difficult: true)
            .AssignedDueIn(-10, "commerce", "transport").SignedFor(-99)
            .Progress(-98, "已签收，会同市交通运输局研究办理。")
            .Progress(-80, "对全市主要批发市场和120家社区菜店开展调研，梳理流通环节成本构成。")
            .CoOpinion(-75, "transport", "市交通局意见：我局严格落实鲜活农产品运输“绿色通道”政策，整车合法装载运输鲜活农产品的车辆免收通行费；将优化城市配送车辆通行证办理，为社区菜店配送车辆提供通行便利。")
            .Progress(-45, "制定冬春蔬菜储备投放方案，储备规模拟增加20%，正在报市政府审定。")
            .Visit(demo.Day(-20, 14, 30), 40, DuringHandling, Video, "通报储备投放方案和社区菜店扶持政策。")
            .NoShow()
            .Progress(-12, "与赵文华委员电话联系，约定另行安排视频沟通。")
            .Visit(demo.Day(3, 15), 45, DuringHandling, Video, "通报储备投放方案和社区菜店扶持政策，听取委员意见。")
            .NotifiesOfVisit("member.zhao")
            .NotifiesOfVisit("handler.transport");

        demo.Item(Proposal, new("关于进一步落实小微企业减税降费政策的提案",
                "小微企业是稳就业、促创新的重要力量。国家出台了一系列减税降费政策，但调研发现，部分小微企业对政策了解不全面，申报操作复杂，应享未享的情况仍然存在；涉企收费项目名目较多，企业综合负担仍然偏重。",
                "政策知晓度不高、申报操作复杂，存在应享未享；涉企收费仍然偏多。",
                "一是推行减税降费政策“免申即享”，对符合条件的企业精准推送；二是开展涉企收费专项清理；三是在政务服务中心设立小微企业办税服务专窗。"),
            "zhao", "zheng")
            .Submitted(-98).Registered(-92).AssignedDueIn(6, "tax", "commerce").SignedFor(-83)
            .Progress(-82, "已签收，由纳税服务处牵头办理。")
            .CoOpinion(-65, "commerce", "市商务局意见：我局将配合开展涉企收费清理，重点梳理商贸流通领域行业协会收费，并通过“企业服务包”向小微企业宣传政策。")
            .Progress(-60, "依托电子税务局向全市12.6万户小微企业精准推送政策提示，“免申即享”事项扩大至9项。")
            .Progress(-30, "在市、区政务服务中心设立“小微企业服务专窗”16个。")
            .AsksForExtension(-2, 4, "本件涉及的涉企收费专项清理需会同市发展改革、财政等部门联合开展，清理结果尚待汇总，申请延期一个月答复。")
            .Notifies("office", "extension-requested", -2);
    }

    private static void AddImperialCity(Demo demo) =>
        demo.Item(Suggestion, new("关于加强皇城保护、整体提升老城风貌的建议",
                "皇城是老城整体保护的核心区域，保存有大量文物建筑和传统四合院。目前部分文物建筑仍被单位和居民占用，腾退进展缓慢；一些临街建筑体量、色彩与传统风貌不协调，架空线和违规广告牌影响景观。皇城保护涉及部门多、历史遗留问题复杂，多年来未能根本解决。",
                "文物建筑腾退进展缓慢，临街建筑风貌不协调，保护管理职责分散。",
                "一是制定皇城文物建筑腾退三年计划，明确时间表；二是开展街巷风貌整治和架空线入地；三是建立文物、规划、住建和属地政府协同保护机制；四是腾退后的文物建筑优先用于公共文化服务。"),
            "chen", "liu")
            .Submitted(-125).Registered(-118).Tagged(difficult: true, longOverdue: true)
            .Key("由市文物局牵头，会同市住房和城乡建设委员会、东城区人民政府：梳理皇城范围内文物建筑使用现状，形成“一院一策”腾退方案；年内完成两条重点街巷风貌整治；建立联席会议制度，按季度调度。")
            .AssignedDueIn(-20, "culture", "housing", "district").SignedFor(-110)
            .Progress(-109, "已签收，成立由局主要领导牵头的办理专班，制定“一院一策”腾退工作方案。")
            .Progress(-90, "会同东城区人民政府对皇城范围内42处文物建筑使用现状逐一调查建档。")
            .CoOpinion(-85, "housing", "市住建委意见：我委将把皇城范围内架空线入地和街巷环境整治纳入年度城市更新计划，并配合做好腾退居民的安置房源保障。")
            .CoOpinion(-83, "district", "东城区政府意见：区政府已成立皇城保护工作领导小组，负责腾退居民的入户沟通和安置，同步推进街巷“门前三包”和违规广告牌清理。")
            .Progress(-60, "完成南池子、北池子两条街巷风貌整治设计方案，征求居民意见。")
            .Visit(demo.Day(-40, 15), 60, DuringHandling, Video, "通报文物建筑调查情况和腾退方案，听取代表意见。", coSigners: true, office: true)
            .Held(new Minutes("代表肯定调查建档工作，但认为腾退进度偏慢，希望尽快公布腾退时间表，并在腾退中充分保障居民合法权益。",
                "市文物局介绍了42处文物建筑调查情况和“一院一策”方案，市住建委、东城区政府分别说明了安置和街巷整治安排。",
                new Promise("向代表书面提供皇城文物建筑腾退进度表", -5),
                new Promise("完成南池子街巷架空线入地实施方案", 20, Unit: "housing")))
            .AsksForExtension(-30, 5, "本件涉及文物建筑腾退，需与产权单位和居民逐户协商并报市政府专题会研究，难以在三个月内形成实质性答复，申请延期两个月。", approvedDay: -27)
            .Progress(-27, "经市政府办公室同意，本件答复期限延长两个月：文物建筑腾退需逐户协商并报市政府专题会研究。")
            .Progress(-8, "3处文物建筑腾退协议已签订，启动修缮方案编制。");

    private static void AddOtherItemsInHandling(Demo demo)
    {
        demo.Item(Express, new("关于建设路与光明街交叉口洗车点占道影响通行的督办直通车",
                "建设路与光明街交叉口东北角一处洗车点长期在人行道和非机动车道上洗车，污水横流，冬季路面结冰；等候洗车的车辆占用一条机动车道，早晚高峰造成路口拥堵。",
                "洗车点占道经营，污水结冰、车辆排队堵路。",
                "尽快依法清理占道洗车，督促经营者入室经营，并修复受损路面。"),
            "li")
            .District().Tagged(urgent: true).Submitted(-23).Registered(-21).Assigned(-20, "transport")
            .AsksToReturn(-19, "洗车点占道经营属于属地政府和交通管理部门职责，我局不具备相应执法权，申请退回。", approvedDay: -18)
            .Notifies("handler.transport", "return-approved", -18, read: true)
            .Assigned(-17, "district", "police").SignedFor(-16)
            .Notifies("deputy.li", "assigned", -17, read: true)
            .Progress(-15, "已签收，由属地街道办事处牵头处置。")
            .Progress(-12, "街道会同城管执法队现场约谈洗车点经营者，责令立即停止占道洗车。")
            .Progress(-5, "经营者已停止占道洗车，正在寻找室内经营场地；受损路面修复需协调市政养护单位，尚未完成。");

        demo.Item(Suggestion, new("关于加快推进老旧小区加装电梯的建议",
                "我市上世纪八九十年代建成的多层住宅普遍没有电梯，住在高楼层的老年人上下楼十分困难，有的老人常年“悬空”在家。加装电梯虽已推进多年，但仍面临居民意见难统一、审批环节多、管线迁改费用高、后期运维无保障等问题。",
                "低楼层居民意见难统一，审批流程繁琐，管线迁改成本高，运维责任不清。",
                "一是推行“一窗受理、并联审批”；二是加大财政补贴，管线迁改费用由管线单位承担；三是发挥社区和业委会作用，建立协商议事机制；四是探索全生命周期运维服务模式。"),
            "zhang", "wu")
            .Submitted(-80).Registered(-72).AssignedDueIn(25, "housing", "district").SignedFor(-64)
            .Progress(-63, "已签收，会同东城区人民政府研究办理。")
            .CoOpinion(-45, "district", "东城区政府意见：区里已在12个街道推行“社区议事厅”协商模式，今年促成加装电梯86部；建议市级层面明确低楼层居民利益补偿的指导标准。")
            .Progress(-40, "总结全市已加装电梯1263部的经验做法，起草《既有多层住宅加装电梯工作指引（修订稿）》。")
            .Progress(-18, "召开供水、供电、燃气、热力管线单位协调会，明确管线迁改费用分担办法。");

        demo.Item(Suggestion, new("关于系统治理雨季道路积水问题的建议",
                "每逢汛期强降雨，我市部分下凹式立交桥、地下通道和老旧小区周边道路积水严重，车辆涉水熄火、行人通行受阻的情况时有发生。积水点治理涉及排水管网、道路桥梁等多个部门，需要系统施策。",
                "下凹桥区和老旧排水管网排水能力不足，积水点反复出现。",
                "一是对全市积水点建立台账，逐一制定治理方案；二是加快老旧排水管网改造和雨污分流；三是在下凹桥区增设强排泵站和积水监测预警设施。"),
            "chen", "zhou")
            .Submitted(-52).Registered(-45).Tagged(urgent: true).AssignedSeparately(-40, "housing", "transport").SignedFor(-39)
            .Progress(-38, "已签收排水管网部分，对全市67处积水点建立台账。", "housing")
            .Progress(-30, "已签收下凹桥区部分，对14座下凹式立交桥泵站排水能力开展评估。", "transport")
            .Progress(-15, "完成8处积水点管网改造设计，纳入明年汛前改造计划。", "housing")
            .Progress(-10, "3座下凹桥区泵站扩容工程已招标，并增设积水深度监测和电子提示屏。", "transport");
    }
}

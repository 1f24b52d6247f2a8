using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Consultation.Deputies;
using Consultation.Items;
using Consultation.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Consultation.Tests.Items;

public sealed class ImportTests : IAsyncLifetime
{
    private ItemWorld _w = null!;

    public async Task InitializeAsync()
    {
        _w = await ItemWorld.CreateAsync();
        await _w.App.WithDb(async db =>
        {
            db.Deputies.Add(new Deputy { Name = "赵文华", Body = DeputyBody.Cppcc, Delegation = "经济界" });
            // Two records of one name: an import cannot tell which is meant.
            db.Deputies.AddRange(new Deputy { Name = "刘明", Delegation = "城关区" }, new Deputy { Name = "刘明", Delegation = "开发区" });
            return await db.SaveChangesAsync();
        });
    }

    public async Task DisposeAsync() => await _w.DisposeAsync();

    private const string Header = "类别,标题,内容,领衔人,附议人,编号,层级";

    [Fact]
    public async Task A_clean_csv_is_previewed_then_registered_with_numbers_after_the_session_s_own_and_confirmed_signers()
    {
        var w = _w;
        Assert.Equal("2026-S-0001", (await w.RegisteredItemAsync()).Number);
        var csv = Csv(
            Header,
            "建议,关于增设社区养老服务站的建议,老旧小区老年人多，缺少就近的养老服务设施。,李建国,张秀英、other.deputy代表,,",
            "提案,关于扶持中小微企业数字化转型的提案,中小微企业数字化转型成本高、人才缺。,赵文华,,,市级",
            "建议,关于规范共享单车停放的建议,共享单车乱停乱放，占用盲道和消防通道。,张秀英,,2026-S-0010,区级");

        var preview = await PreviewAsync(w.Office, csv, "第一批.csv");

        Assert.Empty(preview.Errors);
        Assert.Equal("第一批.csv", preview.FileName);
        Assert.Equal((3, 0), (preview.NewCount, preview.ExistingCount));
        Assert.Equal([2, 3, 4], preview.Rows.Select(r => r.Line));
        Assert.Equal(["张秀英", "other.deputy代表"], preview.Rows[0].CoSigners);
        Assert.Equal("2026-S-0010", preview.Rows[2].Number);
        Assert.All(preview.Rows, r => Assert.Equal("new", r.Status));
        Assert.Equal(1, await ItemCount());

        var result = await ImportAsync(w.Office, csv, "第一批.csv");

        Assert.Equal(new ImportResult(3, 0), result);
        var items = await w.Get<ItemPage>(w.Office, "/api/items?pageSize=100");
        Assert.Equal(4, items.Total);
        Assert.All(items.Items, i => Assert.Equal(ItemState.Registered, i.State));
        // The paper number is kept, and the numbers given come after it.
        Assert.Equal(["2026-P-0001", "2026-S-0001", "2026-S-0010", "2026-S-0011"], items.Items.Select(i => i.Number).Order(StringComparer.Ordinal));
        var elderly = await w.Get<ItemDetail>(w.Office, $"/api/items/{items.Items.Single(i => i.Number == "2026-S-0011").Id}");
        Assert.Equal("关于增设社区养老服务站的建议", elderly.Title);
        Assert.Equal(ItemLevel.City, elderly.Level);
        Assert.Equal(w.Now, elderly.SubmittedAtUtc);
        Assert.Equal(w.Now, elderly.RegisteredAtUtc);
        Assert.Equal("李建国", elderly.Signers.Single(s => s.Role == SignerRole.Submitter).Name);
        Assert.Equal(["other.deputy代表", "张秀英"], elderly.Signers.Where(s => s.Role == SignerRole.CoSigner).Select(s => s.Name).Order(StringComparer.Ordinal));
        Assert.All(elderly.Signers, s => Assert.True(s.Confirmed));
        Assert.Equal(ItemLevel.District, (await w.Get<ItemDetail>(w.Office, $"/api/items/{items.Items.Single(i => i.Number == "2026-S-0010").Id}")).Level);
        // The deputies find the items in their own lists.
        Assert.Equal(2, (await w.Get<MyItemRow[]>(w.CoSigner, "/api/my/items")).Count(r => r.Item.Number != "2026-S-0001"));
    }

    [Fact]
    public async Task A_clean_xlsx_with_english_headers_in_any_order_is_imported_the_same_way()
    {
        var w = _w;
        var xlsx = Xlsx(
            new() { ["submitter"] = "李建国", ["title"] = "关于整治背街小巷路灯不亮的问题", ["kind"] = "Express", ["body"] = "胡同里路灯长期不亮，居民夜间出行不安全。", ["level"] = "District", ["coSigners"] = null },
            new() { ["submitter"] = "张秀英", ["title"] = "关于增加中小学课后托管服务的建议", ["kind"] = "Suggestion", ["body"] = "双职工家庭放学后接孩子难，课后托管名额不足。", ["level"] = null, ["coSigners"] = "李建国；other.deputy代表" });

        var result = await ImportAsync(w.Office, xlsx, "batch.xlsx");

        Assert.Equal(new ImportResult(2, 0), result);
        var items = (await w.Get<ItemPage>(w.Office, "/api/items")).Items;
        var express = items.Single(i => i.Kind == ItemKind.Express);
        Assert.Equal("2026-E-0001", express.Number);
        Assert.Equal("李建国", express.SubmitterName);
        var suggestion = await w.Get<ItemDetail>(w.Office, $"/api/items/{items.Single(i => i.Kind == ItemKind.Suggestion).Id}");
        Assert.Equal("2026-S-0001", suggestion.Number);
        Assert.Equal("张秀英", suggestion.Signers.Single(s => s.Role == SignerRole.Submitter).Name);
        Assert.Equal(["other.deputy代表", "李建国"], suggestion.Signers.Where(s => s.Role == SignerRole.CoSigner).Select(s => s.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_file_with_bad_rows_reports_each_by_line_and_field_and_imports_nothing()
    {
        var w = _w;
        var csv = Csv(
            Header,
            "建议,关于增设社区养老服务站的建议,老旧小区老年人多，缺少就近的养老服务设施。,李建国,,,",
            "意见,关于改善公园设施的意见,公园健身器材老化，需要更新维护。,李建国,,,",
            "建议,关于整治噪声扰民的建议,夜间施工噪声影响居民休息，需要加强监管。,王五,,,",
            "建议,关于完善垃圾分类的建议,\"小区垃圾分类设施不足，\n分类指导不到位。\",张秀英,,,",
            "建议,关于地铁延时运营的建议,太短了,李建国,,,",
            "建议,关于增设公交专用道的建议,早晚高峰公交车被社会车辆挤占车道。,李建国,,2025-S-0003,",
            "提案,关于发展夜间经济的提案,夜间消费场所少，配套交通不便。,李建国,,,");
        var before = await ItemCount();

        var preview = await PreviewAsync(w.Office, csv, "有错误.csv");

        Assert.Equal(
        [
            (3, "kind"), (4, "submitter"), (7, "body"), (8, "number"), (9, "submitter"),
        ], preview.Errors.Select(e => (e.Line, e.Field)));
        Assert.Equal("领衔人 '王五' matches no deputy record: check the name or ask the administrator to add the deputy.",
            preview.Errors.Single(e => e.Line == 4).Message);
        Assert.Contains("建议, 提案 or 督办直通车", preview.Errors.Single(e => e.Line == 3).Message);
        Assert.Contains("2026-S-0001", preview.Errors.Single(e => e.Line == 8).Message);
        Assert.Contains("a CPPCC member", preview.Errors.Single(e => e.Line == 9).Message);
        // The quoted body over two lines is fine, and the file's own line numbers go on after it.
        Assert.Equal([2, 5], preview.Rows.Select(r => r.Line));

        var response = await w.Office.PostAsync("/api/office/import", Form(csv, "有错误.csv"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("import_invalid", problem.RootElement.GetProperty("code").GetString());
        Assert.Contains("Nothing was imported", problem.RootElement.GetProperty("detail").GetString());
        // The same errors as the preview, codes and values included.
        var errors = problem.RootElement.GetProperty("errors").Deserialize<ImportError[]>(ItemWorld.Json)!;
        Assert.Equal(JsonSerializer.Serialize(preview.Errors, ItemWorld.Json), JsonSerializer.Serialize(errors, ItemWorld.Json));
        Assert.Equal(before, await ItemCount());
    }

    [Fact]
    public async Task Unknown_and_missing_columns_are_reported_on_line_one()
    {
        var w = _w;
        var csv = Csv("类别,标题,内容,备注", "建议,关于增设社区养老服务站的建议,老旧小区老年人多，缺少就近的养老服务设施。,无");

        var preview = await PreviewAsync(w.Office, csv, "列名.csv");

        Assert.Equal([(1, "header"), (1, "submitter")], preview.Errors.Select(e => (e.Line, e.Field)));
        Assert.Contains("Unknown column '备注'", preview.Errors[0].Message);
        Assert.Contains("领衔人", preview.Errors[1].Message);
        Assert.Empty(preview.Rows);
    }

    [Fact]
    public async Task Importing_the_same_file_twice_creates_no_duplicates()
    {
        var w = _w;
        var csv = Csv(
            Header,
            "建议,关于增设社区养老服务站的建议,老旧小区老年人多，缺少就近的养老服务设施。,李建国,张秀英,,",
            "建议,关于规范共享单车停放的建议,共享单车乱停乱放，占用盲道和消防通道。,张秀英,,2026-S-0100,",
            "提案,关于扶持中小微企业数字化转型的提案,中小微企业数字化转型成本高、人才缺。,赵文华,,,");
        Assert.Equal(new ImportResult(3, 0), await ImportAsync(w.Office, csv, "a.csv"));

        var preview = await PreviewAsync(w.Office, csv, "a.csv");
        var again = await ImportAsync(w.Office, csv, "a.csv");

        Assert.Equal((0, 3), (preview.NewCount, preview.ExistingCount));
        Assert.Equal(["2026-S-0101", "2026-S-0100", "2026-P-0001"], preview.Rows.Select(r => r.Number));
        Assert.Equal(new ImportResult(0, 3), again);
        Assert.Equal(3, await ItemCount());
    }

    [Fact]
    public async Task Handlers_deputies_and_anonymous_users_cannot_import_and_nothing_changes()
    {
        var w = _w;
        var csv = Csv(Header, "建议,关于增设社区养老服务站的建议,老旧小区老年人多，缺少就近的养老服务设施。,李建国,,,");

        foreach (var client in new[] { w.Lead, w.Deputy })
        {
            await Problem.ReadAsync(await client.PostAsync("/api/office/import/preview", Form(csv, "a.csv")), HttpStatusCode.Forbidden);
            await Problem.ReadAsync(await client.PostAsync("/api/office/import", Form(csv, "a.csv")), HttpStatusCode.Forbidden);
        }
        await Problem.ReadAsync(await w.App.Anonymous().PostAsync("/api/office/import", Form(csv, "a.csv")), HttpStatusCode.Unauthorized);

        Assert.Equal(0, await ItemCount());
    }

    [Theory]
    [InlineData("picture.csv")]
    [InlineData("random.xlsx")]
    [InlineData("notes.txt")]
    public async Task A_file_that_is_not_a_csv_or_xlsx_is_refused_naming_the_accepted_formats(string name)
    {
        var w = _w;
        byte[] content = name.EndsWith(".xlsx", StringComparison.Ordinal) ? RandomBytes(2048)
            : name.EndsWith(".csv", StringComparison.Ordinal) ? [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. RandomBytes(512)]
            : Csv(Header);

        foreach (var path in new[] { "/api/office/import/preview", "/api/office/import" })
        {
            var refused = await Problem.ReadAsync(await w.Office.PostAsync(path, Form(content, name)), HttpStatusCode.BadRequest);
            Assert.Equal("import_file_type", refused.Code);
            Assert.Contains("(.csv)", refused.Detail);
            Assert.Contains("(.xlsx)", refused.Detail);
        }
        Assert.Equal(0, await ItemCount());
    }

    [Fact]
    public async Task A_file_over_five_megabytes_is_refused_with_a_size_message()
    {
        var refused = await Problem.ReadAsync(
            await _w.Office.PostAsync("/api/office/import/preview", Form(new byte[5 * 1024 * 1024 + 1], "big.csv")), HttpStatusCode.RequestEntityTooLarge);

        Assert.Equal("file_too_large", refused.Code);
        Assert.Contains("5 MB", refused.Detail);
    }

    private const string Body = "老旧小区老年人多，缺少就近的养老服务设施。";

    /// <summary>code, the file's lines, then the one error expected: its line, field and values ("name=value|...").</summary>
    public static TheoryData<string, string[], int, string, string> OneErrorEach => new()
    {
        { "import_file_empty", [], 1, "file", "" },
        { "import_no_items", [Header], 1, "file", "" },
        { "import_column_unknown", ["类别,标题,内容,领衔人,备注", $"建议,关于增设养老服务站的建议,{Body},李建国,无"], 1, "header", "name=备注" },
        { "import_column_twice", ["类别,标题,内容,领衔人,类别", $"建议,关于增设养老服务站的建议,{Body},李建国,建议"], 1, "header", "name=类别" },
        { "import_column_missing", ["类别,标题,内容", $"建议,关于增设养老服务站的建议,{Body}"], 1, "submitter", "column=领衔人" },
        { "import_kind_empty", [Header, $",关于增设养老服务站的建议,{Body},李建国,,,"], 2, "kind", "column=类别" },
        { "import_kind_unknown", [Header, $"意见,关于增设养老服务站的建议,{Body},李建国,,,"], 2, "kind", "column=类别|text=意见" },
        // The column as this file names it.
        { "import_kind_unknown", ["kind,title,body,submitter", $"Opinion,关于增设养老服务站的建议,{Body},李建国"], 2, "kind", "column=kind|text=Opinion" },
        { "import_level_unknown", [Header, $"建议,关于增设养老服务站的建议,{Body},李建国,,,省级"], 2, "level", "column=层级|text=省级" },
        { "import_empty", [Header, $"建议,,{Body},李建国,,,"], 2, "title", "column=标题" },
        { "import_too_short", [Header, "建议,关于增设养老服务站的建议,太短了,李建国,,,"], 2, "body", "column=内容|min=10" },
        { "import_too_long", [Header, $"建议,{new string('长', 201)},{Body},李建国,,,"], 2, "title", "column=标题|length=201|max=200" },
        { "import_submitter_empty", [Header, $"建议,关于增设养老服务站的建议,{Body},,,,"], 2, "submitter", "column=领衔人" },
        { "import_number_invalid", [Header, $"建议,关于增设养老服务站的建议,{Body},李建国,,2025-S-0003,"], 2, "number",
            "column=编号|text=2025-S-0003|year=2026|kind=Suggestion|example=2026-S-0001" },
        { "import_item_repeated", [Header, $"建议,关于增设养老服务站的建议,{Body},李建国,,,", $"建议,关于增设养老服务站的建议,{Body},李建国,,,"], 3, "title",
            "column=标题|otherLine=2" },
        { "import_number_repeated", [Header, $"建议,关于增设养老服务站的建议,{Body},李建国,,2026-S-0005,", $"建议,关于规范共享单车停放的建议,{Body},李建国,,2026-S-0005,"],
            3, "number", "column=编号|otherLine=2" },
        { "import_number_taken", [Header, $"建议,关于增设养老服务站的建议,{Body},李建国,,2026-S-0001,"], 2, "number",
            "column=编号|number=2026-S-0001|title=关于缓解学校周边停车难的建议" },
        { "import_cosigner_is_submitter", [Header, $"建议,关于增设养老服务站的建议,{Body},李建国,李建国,,"], 2, "coSigners", "column=附议人|name=李建国" },
        { "import_deputy_ambiguous", [Header, $"建议,关于增设养老服务站的建议,{Body},刘明,,,"], 2, "submitter", "column=领衔人|name=刘明|count=2" },
        { "import_deputy_unknown", [Header, $"建议,关于增设养老服务站的建议,{Body},王五,,,"], 2, "submitter", "column=领衔人|name=王五" },
        { "import_submitter_other_body", [Header, $"提案,关于发展夜间经济的提案,{Body},李建国,,,"], 2, "submitter",
            "column=领衔人|name=李建国|body=PeoplesCongress|kind=Proposal|expectedBody=Cppcc" },
        { "import_cosigner_other_body", [Header, $"提案,关于发展夜间经济的提案,{Body},赵文华,李建国,,"], 2, "coSigners",
            "column=附议人|name=李建国|body=PeoplesCongress|expectedBody=Cppcc" },
    };

    [Theory]
    [MemberData(nameof(OneErrorEach))]
    public async Task Each_problem_carries_its_code_and_the_values_that_say_it_in_any_language(
        string code, string[] lines, int line, string field, string args)
    {
        await _w.RegisteredItemAsync();

        var preview = await PreviewAsync(_w.Office, Csv(lines), "问题.csv");

        var error = Assert.Single(preview.Errors);
        Assert.Equal((line, field, code), (error.Line, error.Field, error.Code));
        Assert.Equal(args, string.Join("|", error.Args.Select(a => $"{a.Key}={a.Value}")));
        Assert.NotEmpty(error.Message);
        Assert.DoesNotContain(preview.Rows, r => r.Line == line);
    }

    private Task<int> ItemCount() => _w.App.WithDb(db => db.Items.CountAsync());

    private async Task<ImportPreview> PreviewAsync(HttpClient client, byte[] file, string name)
    {
        var response = await client.PostAsync("/api/office/import/preview", Form(file, name));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {text}\n{_w.App.Errors.Last}");
        return JsonSerializer.Deserialize<ImportPreview>(text, ItemWorld.Json)!;
    }

    private async Task<ImportResult> ImportAsync(HttpClient client, byte[] file, string name)
    {
        var response = await client.PostAsync("/api/office/import", Form(file, name));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {text}\n{_w.App.Errors.Last}");
        return JsonSerializer.Deserialize<ImportResult>(text, ItemWorld.Json)!;
    }

    private static MultipartFormDataContent Form(byte[] file, string name)
    {
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return new MultipartFormDataContent { { content, "file", name } };
    }

    /// <summary>A CSV as Excel saves it with "CSV UTF-8": a byte order mark and CRLF line ends.</summary>
    private static byte[] Csv(params string[] lines) =>
        [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n")];

    private static byte[] Xlsx(params Dictionary<string, object?>[] rows)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(rows);
        return stream.ToArray();
    }

    private static byte[] RandomBytes(int count) => new Random(7).GetItems<byte>(Enumerable.Range(0, 256).Select(b => (byte)b).ToArray(), count);
}

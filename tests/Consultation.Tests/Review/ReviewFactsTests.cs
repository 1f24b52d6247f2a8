using System.Text.Json;
using Consultation.Items;
using Consultation.Review;
using Consultation.Tests.Items;
using Consultation.Tests.Visits;
using Consultation.Visits;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using static Consultation.Tests.Visits.RecordWorld;

namespace Consultation.Tests.Review;

/// <summary>
/// The figures read facts stored when things happen (see <see cref="ReviewFacts"/>): each step of an item's life,
/// through the API, shows in the office's figures at once, and facts missing from older rows are computed at start.
/// </summary>
public sealed class ReviewFactsTests : IAsyncLifetime
{
    private ItemWorld _w = null!;
    public async Task InitializeAsync() => _w = await ItemWorld.CreateAsync();
    public async Task DisposeAsync() => await _w.DisposeAsync();

    private async Task<Figures> LeadUnitAsync() =>
        (await _w.Get<FiguresDto>(_w.Office, $"/api/review/figures?unit={_w.LeadUnitId}")).Overall;

    [Fact]
    public async Task Answer_dissatisfaction_re_handling_and_a_second_answer_each_show_in_the_figures_at_once()
    {
        var w = _w;
        var id = (await w.ContactedAsync()).Id;
        var f = await LeadUnitAsync();
        Assert.Equal((1, 0, 0), (f.Received, f.Answered, f.Evaluated));

        await w.Ok(w.Lead, HttpMethod.Post, $"/api/items/{id}/answer", new { category = "B", text = "已列入明年计划，逐步增加停车泊位。" });
        f = await LeadUnitAsync();
        Assert.Equal((1, 1, 1, 1), (f.Answered, f.AnsweredOnTime, f.Contacted, f.CategoryB));

        w.Advance(TimeSpan.FromDays(3));
        await w.Ok(w.Deputy, HttpMethod.Post, $"/api/items/{id}/evaluation",
            new { work = "BasicallySatisfied", result = "Dissatisfied", comment = "试点范围太小。" });
        f = await LeadUnitAsync();
        Assert.Equal((1, 0, 0, 1), (f.Evaluated, f.Satisfied, f.BasicallySatisfied, f.Dissatisfied));
        Assert.Equal((1, 0, 1), (f.FirstEvaluated, f.FirstSatisfied, f.ReHandlings));

        w.Advance(TimeSpan.FromDays(10));
        await w.Ok(w.Lead, HttpMethod.Post, $"/api/items/{id}/answer", new { category = "A", text = "已在全市中小学周边推广错峰共享停车。" });
        await w.Ok(w.Deputy, HttpMethod.Post, $"/api/items/{id}/evaluation", new { work = "Satisfied", result = "Satisfied" });
        f = await LeadUnitAsync();
        // The latest evaluation counts for satisfaction; the first answer (B, dissatisfied) for the rest.
        Assert.Equal((1, 1, 0, 100.0), (f.Evaluated, f.Satisfied, f.Dissatisfied, f.SatisfactionRate));
        Assert.Equal((1, 0, 1), (f.FirstEvaluated, f.FirstSatisfied, f.ReHandlings));
        Assert.Equal((1, 0, 1), (f.Answered, f.CategoryA, f.CategoryB));
    }

    [Fact]
    public async Task An_amendment_replaces_the_overdue_commitment_only_once_the_deputy_confirms_it()
    {
        var w = _w;
        var (_, records) = await w.ConfirmedRecordAsync(TimeSpan.FromDays(2));
        var confirmed = records.Records.Single();
        w.Advance(TimeSpan.FromDays(3));
        Assert.Equal(1, await OverdueCommitmentsAsync());

        var amendment = (await w.Ok<VisitRecords>(w.Lead, HttpMethod.Post, $"/api/records/{confirmed.Id}/amendment", Body(
            [.. confirmed.Commitments.Select(c => Commitment(c.OwnerUnitId, w.Now.AddDays(10), c.Text, c.Id))]))).Records[1];
        var submitted = (await w.SubmitAsync(amendment)).Records[1];
        Assert.Equal(1, await OverdueCommitmentsAsync());

        await w.ConfirmAsync(submitted);
        Assert.Equal(0, await OverdueCommitmentsAsync());
        w.Advance(TimeSpan.FromDays(11));
        Assert.Equal(1, await OverdueCommitmentsAsync());

        async Task<int> OverdueCommitmentsAsync() =>
            (await w.Get<FiguresDto>(w.Office, $"/api/review/figures?unit={w.CoUnitId}")).Overall.OverdueCommitments;
    }

    [Fact]
    public async Task Facts_missing_from_rows_written_before_they_were_stored_are_computed_at_start()
    {
        var w = _w;
        var data = await ReviewData.CreateAsync(w);
        var before = await w.Get<FiguresDto>(w.Office, $"/api/review/figures?session={data.Session2026}");
        Assert.Equal(3, before.Overall.Answered);
        // As the migration that added the facts leaves the rows written before it.
        await w.App.WithDb(async db =>
        {
            await db.ReviewDuties.ExecuteDeleteAsync();
            await db.ReviewVisits.ExecuteDeleteAsync();
            await db.ReviewCommitments.ExecuteDeleteAsync();
            await db.Commitments.ExecuteUpdateAsync(s => s.SetProperty(c => c.IsTracked, false));
            return await db.Items.ExecuteUpdateAsync(s => s.SetProperty(i => i.FactsComputedAtUtc, (DateTime?)null));
        });
        var blank = (await w.Get<FiguresDto>(w.Office, $"/api/review/figures?session={data.Session2026}")).Overall;
        Assert.Equal((0, 0, 0, 0), (blank.Received, blank.Answered, blank.VisitsHeld, blank.OverdueCommitments));

        await using (var scope = w.App.Services.CreateAsyncScope())
            await ReviewFacts.ComputeMissingAsync(scope.ServiceProvider.GetRequiredService<Consultation.Data.AppDbContext>(),
                w.App.Clock, NullLogger.Instance);

        var after = await w.Get<FiguresDto>(w.Office, $"/api/review/figures?session={data.Session2026}");
        // Figures hold arrays (visits by method): compared by their JSON.
        Assert.Equal(JsonSerializer.Serialize(before), JsonSerializer.Serialize(after));
        Assert.Equal(0, await w.App.WithDb(db => db.Items.CountAsync(i => i.FactsComputedAtUtc == null)));
    }

}

using Consultation.Accounts;
using Consultation.Data;
using Consultation.Notifications;
using Consultation.Visits;
using Consultation.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Consultation.Items;

/// <summary>An item loaded for one request, with the rules that apply to the person making it.</summary>
public sealed record ItemWork(Item Item, ItemRules Rules);

/// <summary>What every item endpoint needs: the item as this user may see it, the clock, the rules, and saving.</summary>
public sealed class ItemDesk(AppDbContext db, CurrentUser me, TimeProvider clock, IOptions<DeadlineSettings> deadlines, Notifier notifier)
{
    public AppDbContext Db => db;
    public CurrentUser Me => me;
    public Notifier Notify => notifier;
    public DeadlineSettings Deadlines => deadlines.Value;
    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The item with its signers and assignments, or null when it does not exist or this user may not see it.</summary>
    public async Task<ItemWork?> LoadAsync(int id)
    {
        var item = await db.Items.VisibleTo(me)
            .Include(i => i.Signers).ThenInclude(s => s.Deputy)
            .Include(i => i.Assignments).ThenInclude(a => a.Unit)
            .Include(i => i.Session)
            .AsSplitQuery()
            .SingleOrDefaultAsync(i => i.Id == id);
        return item is null ? null : new ItemWork(item, new ItemRules(item, me, Now, Deadlines));
    }

    /// <summary>A held contact with the deputy before the answer (DESIGN.md §3), by any method.</summary>
    public Task<bool> HasContactAsync(int itemId) =>
        db.Visits.AnyAsync(v => v.ItemId == itemId && v.State == VisitState.Held
                                && (v.Phase == VisitPhase.BeforeAnswer || v.Phase == VisitPhase.DuringHandling));

    private readonly List<Func<Task>> _afterSave = [];

    /// <summary>Work that must follow the save, such as scheduling a job that reads the saved rows.</summary>
    public void AfterSave(Func<Task> work) => _afterSave.Add(work);

    /// <summary>Saves, pushes the notifications, and forgets the tracked rows so the page is read back as stored.</summary>
    public async Task SaveAsync()
    {
        await db.SaveChangesAsync();
        await notifier.PushAsync();
        db.ChangeTracker.Clear();
        foreach (var work in _afterSave)
            await work();
        _afterSave.Clear();
    }

    public Task<ItemDetail> DetailAsync(ItemWork work) => ItemDetails.BuildAsync(this, work);

    /// <summary>Loads the item as this user sees it, checks the rule, applies the change, saves and returns the page.</summary>
    public async Task<Results<Ok<ItemDetail>, ProblemHttpResult>> ActAsync(int id, Func<ItemWork, Refusal?> rule, Func<ItemWork, Task> change)
    {
        if (await LoadAsync(id) is not { } work)
            return Problems.NotFound("The item");
        if (rule(work) is { } refusal)
            return refusal.ToProblem();
        try
        {
            await change(work);
        }
        catch (RefusedException refused)
        {
            return refused.Refusal.ToProblem();
        }
        await SaveAsync();
        return Microsoft.AspNetCore.Http.TypedResults.Ok(await DetailAsync((await LoadAsync(id))!));
    }
}

/// <summary>A rule that can only be checked in the middle of a change; nothing has been saved when it is thrown.</summary>
public sealed class RefusedException(Refusal refusal) : Exception(refusal.Message)
{
    public Refusal Refusal { get; } = refusal;
}

namespace Consultation.Notifications;

/// <summary>
/// Asked by the ledger before it sends an e-mail or SMS again: a message composed minutes ago may no longer be true (the
/// visit moved, the lobby emptied). Each feature that knows when its messages stop being wanted says so for its own.
/// </summary>
public interface IRetryRule
{
    /// <summary>Why the message is no longer to be sent ("the visit has started"); null while it is, or when not this rule's.</summary>
    Task<string?> WhyNotAnymoreAsync(SentEffect effect);
}

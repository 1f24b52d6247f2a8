using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Consultation.Notifications;

/// <summary>
/// Pushes a person's new notifications to every browser tab they have open. Nothing is sent by clients;
/// the server addresses users by their account id (SignalR's user id is the NameIdentifier claim).
/// </summary>
[Authorize]
public sealed class NotificationHub : Hub<INotificationClient>;

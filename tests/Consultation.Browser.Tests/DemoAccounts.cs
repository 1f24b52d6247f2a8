namespace Consultation.Browser.Tests;

/// <summary>A demo account seeded in Development (src/Consultation/Data/DemoData.cs) and where its role lands.</summary>
public sealed record DemoAccount(string UserName, string Role, string HomePath)
{
    public const string Password = "Demo1234";

    public static readonly DemoAccount Admin = new("admin", "admin", "/admin");
    public static readonly DemoAccount Office = new("office", "office", "/office");
    public static readonly DemoAccount Handler = new("handler.transport", "handler", "/handler");
    public static readonly DemoAccount Deputy = new("deputy.li", "deputy", "/deputy");
    // The transport unit's second handler (陈静), for calls of four.
    public static readonly DemoAccount SecondHandler = new("handler.transport2", "handler", "/handler");

    // Locked by the lockout test and used nowhere else, so no other test meets a locked account.
    public static readonly DemoAccount LockedOutHandler = new("handler.housing", "handler", "/handler");

    public static TheoryData<string> OneOfEachRole => new() { Admin.UserName, Office.UserName, Handler.UserName, Deputy.UserName };

    public static DemoAccount Named(string userName) =>
        new[] { Admin, Office, Handler, Deputy, SecondHandler, LockedOutHandler }.Single(a => a.UserName == userName);

    public string HomeTestId => $"home-{Role}";

    public override string ToString() => UserName;
}

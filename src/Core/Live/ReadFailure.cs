namespace Kalc.Iac.Core.Live;

/// <summary>A call that did not complete (denied, throttled past retries, timed out, malformed reply, page
/// chain broken). Its whole document is left out, so nothing unread is ever taken as absent;
/// <see cref="Unknown"/> says what that leaves unknown, for the report's <c>missing</c> list.</summary>
public sealed record ReadFailure(string Call, string Code, string Message, string Unknown)
{
    public override string ToString() => $"{Call}: {Code}: {Message} ({Unknown} unknown)";
}

using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Kalc.Iac.Core;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.PlanParser.Terraform.Text;

/// <summary>Reads one resource of Terraform 0.12+ text: the <c># ADDRESS ...</c> header, its <c># (...)</c>
/// reason lines, the <c>MARKER resource "T" "N" {</c> line and the body.</summary>
internal static partial class ResourceBlockReader
{
    [GeneratedRegex(@"^(?:(?<marker>-/\+|\+/-|\+/\.|<=|[-+~.])\s+)?(?<mode>resource|data|ephemeral)\s+""(?<type>[^""]+)""\s+""(?<name>[^""]+)""\s*\{$")]
    private static partial Regex Opener();

    /// <summary>Reads the resource whose header is at <paramref name="index"/>; returns the change, whether it
    /// is drift (changed outside Terraform), and the index of the next unread line.</summary>
    public static (ResourceChange Change, bool IsDrift, int Next) Read(
        ResourceHeader header, IReadOnlyList<PlanLine> lines, int index, string file)
    {
        var headerLine = lines[index].Number;
        var i = index + 1;
        string? reason = header.ActionReason;
        string? movedFrom = null;
        var importing = header.Kind == HeaderKind.Import;
        while (i < lines.Count && ReasonLine.TryParse(lines[i].Trimmed, out var body))
        {
            movedFrom ??= ReasonLine.MovedFrom(body);
            importing |= ReasonLine.IsImport(body);
            if (movedFrom is null && !ReasonLine.IsImport(body)) reason ??= ReasonLine.ActionReason(body);
            i++;
        }
        while (i < lines.Count && lines[i].Trimmed.StartsWith("# ", StringComparison.Ordinal) && ResourceHeader.TryParse(lines[i].Trimmed) is null) i++;
        var opener = i < lines.Count ? Opener().Match(lines[i].Trimmed) : Match.Empty;
        if (!opener.Success)
        {
            var at = i < lines.Count ? lines[i].Number : headerLine;
            throw new InputException(new InputError(file,
                $"truncated plan: \"# {ErrorText.Excerpt(header.Address)}\" at line {headerLine} is not followed by its resource block", at));
        }
        var parser = new BodyParser(lines, i + 1, file);
        var values = parser.ReadResourceBody();

        var marker = opener.Groups["marker"].Value;
        var (actions, order) = Actions(header.Kind, marker);
        var address = header.MovedTo ?? header.Address;
        var parts = InstanceAddress.TryParse(address)
            ?? throw new InputException(new InputError(file, $"\"{ErrorText.Excerpt(address)}\" is not a resource address", headerLine));
        var before = values.Before ?? PlanValue.Null;
        var after = values.After ?? PlanValue.Null;
        if (actions.Contains(ChangeAction.Create) && !actions.Contains(ChangeAction.Delete) && !actions.Contains(ChangeAction.Forget) || actions.Contains(ChangeAction.Read)) before = PlanValue.Null;
        if (actions is [ChangeAction.Delete] or [ChangeAction.Forget]) after = PlanValue.Null;
        var change = parts.Change(address, actions, order, SourceRef.Of(file, headerLine, address)) with
        {
            PreviousAddress = header.MovedTo is not null ? header.Address : movedFrom,
            ActionReason = reason,
            Deposed = header.Deposed,
            Importing = importing,
            Before = before,
            After = after,
            ValuesComplete = parser.Complete,
            ReplacePaths = parser.ReplacePaths,
        };
        return (change, header.Kind is HeaderKind.DriftChanged or HeaderKind.DriftDeleted, parser.Position);
    }

    private static (ImmutableArray<ChangeAction>, ReplaceOrder) Actions(HeaderKind kind, string marker) => kind switch
    {
        HeaderKind.Create => ([ChangeAction.Create], ReplaceOrder.NotReplace),
        HeaderKind.Destroy or HeaderKind.DriftDeleted => ([ChangeAction.Delete], ReplaceOrder.NotReplace),
        HeaderKind.Update or HeaderKind.DriftChanged => ([ChangeAction.Update], ReplaceOrder.NotReplace),
        HeaderKind.Read => ([ChangeAction.Read], ReplaceOrder.NotReplace),
        HeaderKind.Forget => ([ChangeAction.Forget], ReplaceOrder.NotReplace),
        HeaderKind.ReplaceForget => ([ChangeAction.Create, ChangeAction.Forget], ReplaceOrder.NotReplace),
        HeaderKind.Replace when marker == "+/-" => ([ChangeAction.Create, ChangeAction.Delete], ReplaceOrder.CreateBeforeDestroy),
        HeaderKind.Replace => ([ChangeAction.Delete, ChangeAction.Create], ReplaceOrder.DeleteBeforeCreate),
        _ => ([ChangeAction.NoOp], ReplaceOrder.NotReplace),
    };
}

using System.Text.Json;
using Kalc.Iac.Core;

namespace Kalc.Iac.AwsModel.Dumps;

/// <summary>Reads one file of an AWS state dump: the JSON output of one aws-cli command, recognised by its
/// content (see <see cref="AwsCliOutputKinds"/>). Pure: bytes in, fragment or error out.</summary>
public static class AwsDumpParser
{
    public static ParseResult<AwsStateFragment> Parse(ReadOnlyMemory<byte> bytes, string file) =>
        Parse(bytes, file, AwsDump.SplitArraysOver);

    /// <summary>As <see cref="Parse(ReadOnlyMemory{byte}, string)"/>, reading top-level arrays over
    /// <paramref name="splitOver"/> bytes item by item (<see cref="AwsDump"/>).</summary>
    internal static ParseResult<AwsStateFragment> Parse(ReadOnlyMemory<byte> bytes, string file, int splitOver) =>
        ParseResult<AwsStateFragment>.Catch(file, () => Read(bytes, file, splitOver));

    private static AwsStateFragment Read(ReadOnlyMemory<byte> bytes, string file, int splitOver)
    {
        var utf8 = Utf8Input.Normalize(bytes, file);
        if (utf8.Span.Trim(" \t\r\n"u8).IsEmpty)
            throw new InputException(new InputError(file, "empty file, not an aws-cli output"));
        using var dump = AwsDump.Parse(utf8, splitOver);
        var root = dump.Root;
        if (root.ValueKind != JsonValueKind.Object)
            throw new InputException(new InputError(file,
                $"not an aws-cli output kalc-iac reads (a JSON {root.ValueKind.ToString().ToLowerInvariant()} at top level; was it printed with --query or --output other than json?)"));
        var kinds = AwsCliOutputKinds.All.Where(k => k.Matches(dump)).ToList();
        if (kinds.Count == 0)
        {
            var keys = string.Join(", ", root.EnumerateObject().Select(p => ErrorText.Excerpt(p.Name)).Take(8));
            throw new InputException(new InputError(file, $"not an aws-cli output kalc-iac reads (top-level keys: {(keys.Length == 0 ? "none" : keys)})"));
        }
        if (kinds.Count > 1)
            throw new InputException(new InputError(file, $"mixes the outputs of several aws-cli commands ({string.Join(", ", kinds.Select(k => k.Command))}); give one command's output per file"));
        var kind = kinds[0];
        var parts = new FragmentParts(file);
        try
        {
            kind.Read(dump, parts);
            dump.CheckUnread();
        }
        catch (InputException e) when (e.Error.File == "?")
        {
            throw new InputException(new InputError(file, $"{kind.Command}: {e.Error.Reason}"));
        }
        catch (InvalidOperationException e) when (JsonTextErrors.IsInvalidString(e))
        {
            throw new InputException(new InputError(file, $"{kind.Command}: {JsonTextErrors.LoneSurrogate}"));
        }
        return parts.Freeze(kind.Command, TruncatedBy(root));
    }

    /// <summary>aws-cli prints NextToken when --max-items cut the output; a raw page has NextToken/nextToken (EC2,
    /// Auto Scaling, EKS) or IsTruncated with Marker (IAM).</summary>
    private static string? TruncatedBy(JsonElement root)
    {
        foreach (var token in (string[])["NextToken", "nextToken"])
            if (root.Str(token) is { Length: > 0 }) return token;
        return root.Bool("IsTruncated") ? "IsTruncated: true" : null;
    }
}

using System.Text.Json;

namespace Kalc.Iac.Core;

/// <summary>Options every JSON reader uses, so that deep nesting ends in a clear error, not a stack overflow.
/// Comments are not JSON and no tool kalc-iac reads writes them: they are an error (and the reader's comment-skipping
/// path costs a third of its speed on a large plan).</summary>
public static class JsonLimits
{
    /// <summary>Plans nest modules, blocks and values; 256 is far deeper than any real document.</summary>
    public const int MaxDepth = 256;

    public static JsonReaderOptions ReaderOptions => new()
    {
        MaxDepth = MaxDepth,
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
    };

    public static JsonDocumentOptions DocumentOptions => new()
    {
        MaxDepth = MaxDepth,
        CommentHandling = JsonCommentHandling.Disallow,
    };
}

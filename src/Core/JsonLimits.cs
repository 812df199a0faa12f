using System.Text.Json;

namespace Kalc.Iac.Core;

/// <summary>Options every JSON reader uses, so that deep nesting ends in a clear error, not a stack overflow.</summary>
public static class JsonLimits
{
    /// <summary>Plans nest modules, blocks and values; 256 is far deeper than any real document.</summary>
    public const int MaxDepth = 256;

    public static JsonReaderOptions ReaderOptions => new()
    {
        MaxDepth = MaxDepth,
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = false,
    };

    public static JsonDocumentOptions DocumentOptions => new()
    {
        MaxDepth = MaxDepth,
        CommentHandling = JsonCommentHandling.Skip,
    };
}

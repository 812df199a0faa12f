namespace Kalc.Iac.Core;

/// <summary>System.Text.Json checks a string's <c>\u</c> escapes only when it is read (<c>GetString</c>, a property's
/// <c>Name</c>), and then throws <see cref="InvalidOperationException"/>: a lone UTF-16 surrogate such as "\uD800"
/// is bad input, not a bug, and readers turn it into an <see cref="InputError"/> with this test.</summary>
public static class JsonTextErrors
{
    public const string LoneSurrogate = "a JSON string has an invalid \\u escape (a lone UTF-16 surrogate)";

    /// <summary>Recognised by System.Text.Json's own messages ("Cannot read invalid UTF-16 JSON text...", "Cannot read
    /// incomplete UTF-16 JSON text...", "Cannot transcode invalid UTF-8 JSON text..."; English resources under
    /// InvariantGlobalization): that holds in the Native AOT build, where the throwing method's metadata is gone.</summary>
    public static bool IsInvalidString(Exception e) =>
        e is InvalidOperationException &&
        (e.Message.Contains("UTF-16 JSON text", StringComparison.Ordinal) || e.Message.Contains("UTF-8 JSON text", StringComparison.Ordinal));

    /// <summary>System.Text.Json's message for a syntax error, on one line, without the position it appends (callers
    /// give the position in the input, which the reader does not know when it reads part of it).</summary>
    public static string Describe(System.Text.Json.JsonException e)
    {
        var s = e.Message;
        foreach (var tail in (string[])[" LineNumber:", " Path:"])
        {
            var i = s.IndexOf(tail, StringComparison.Ordinal);
            if (i > 0) s = s[..i];
        }
        return WithoutExcerpt(s.Replace('\n', ' ').Replace('\r', ' ').Trim());
    }

    /// <summary>System.Text.Json opens some messages with the input it stopped at, quoted: one character, or for a bad
    /// literal the rest of the input (<c>'falSe,"password":"..."' is an invalid JSON literal</c>), where a secret can be.
    /// One character outside a string is kept (escaped); anything longer, or anything from inside a string, is dropped.</summary>
    private static string WithoutExcerpt(string message)
    {
        if (!message.StartsWith('\'')) return message;
        var end = message.IndexOf("' is ", 1, StringComparison.Ordinal);
        if (end < 0) return message;
        var excerpt = message[1..end];
        var rest = message[(end + 1)..];
        var oneCharacter = excerpt.Length == 1 || (excerpt.Length == 4 && excerpt.StartsWith("0x", StringComparison.Ordinal));
        return oneCharacter && !rest.Contains("JSON string", StringComparison.Ordinal)
            ? $"'{ErrorText.Excerpt(excerpt)}'{rest}"
            : "the text here" + rest;
    }
}

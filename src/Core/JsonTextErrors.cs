using System.Text.Json;

namespace Kalc.Iac.Core;

/// <summary>System.Text.Json checks a string's <c>\u</c> escapes only when it is read (<c>GetString</c>, a property's
/// <c>Name</c>), and then throws <see cref="InvalidOperationException"/>: a lone UTF-16 surrogate such as "\uD800"
/// is bad input, not a bug, and readers turn it into an <see cref="InputError"/> with this test.</summary>
public static class JsonTextErrors
{
    public const string LoneSurrogate = "a JSON string has an invalid \\u escape (a lone UTF-16 surrogate)";

    public static bool IsInvalidString(Exception e) =>
        e is InvalidOperationException && e.TargetSite?.DeclaringType?.Assembly == typeof(JsonDocument).Assembly;
}

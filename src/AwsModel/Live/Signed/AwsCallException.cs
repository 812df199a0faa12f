namespace Kalc.Iac.AwsModel.Live.Signed;

/// <summary>An AWS call that ended without a usable answer after any retries: the error code AWS gave
/// (AccessDenied, Throttling, ...) or one of ours (Timeout, MalformedResponse, NetworkError).</summary>
public sealed class AwsCallException : Exception
{
    public AwsCallException(string code, string message, int? httpStatus = null, Exception? inner = null)
        : base(message, inner)
    {
        Code = code;
        HttpStatus = httpStatus;
    }

    public AwsCallException()
        : this("Unknown", "unknown error")
    {
    }

    public AwsCallException(string message)
        : this("Unknown", message)
    {
    }

    public AwsCallException(string message, Exception innerException)
        : this("Unknown", message, null, innerException)
    {
    }

    public string Code { get; }

    public int? HttpStatus { get; }
}

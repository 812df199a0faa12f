namespace Kalc.Iac.AwsModel.Iam;

/// <summary>What the request context says about a condition key.</summary>
public enum KeyState
{
    /// <summary>The key is in the request with these values.</summary>
    Present,

    /// <summary>The key is known not to be in the request.</summary>
    Absent,

    /// <summary>The key may or may not be in the request, or its value is not known.</summary>
    Unknown,
}

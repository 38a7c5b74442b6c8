namespace Gatehouse.Gateway.Auth.OAuth;

/// <summary>A trusted issuer's discovery document or keys could not be fetched or made no sense.</summary>
internal sealed class IssuerUnavailableException : Exception
{
    public IssuerUnavailableException(string message)
        : base(message)
    {
    }

    public IssuerUnavailableException(string message, Exception inner)
        : base(message, inner)
    {
    }
}

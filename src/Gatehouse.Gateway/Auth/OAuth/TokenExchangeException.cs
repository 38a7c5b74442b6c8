namespace Gatehouse.Gateway.Auth.OAuth;

/// <summary>The agent's token could not be exchanged for an upstream's (the call does not go upstream).</summary>
public sealed class TokenExchangeException : Exception
{
    public TokenExchangeException()
    {
    }

    public TokenExchangeException(string message)
        : base(message)
    {
    }

    public TokenExchangeException(string message, Exception inner)
        : base(message, inner)
    {
    }
}

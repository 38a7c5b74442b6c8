namespace Gatehouse.Gateway.Limits;

/// <summary>The limits of a call could not be checked; the call was not forwarded.</summary>
internal sealed class CounterUnavailableException(Exception inner)
    : Exception("Gatehouse could not check this call against its limits, so it was not forwarded. Try again shortly.", inner);

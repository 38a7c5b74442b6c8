using Gatehouse.Policy;

namespace Gatehouse.Gateway.Limits;

/// <summary>Either every limit admitted the call (and holds a reservation), or one refused it.</summary>
internal sealed record GateOutcome(Decision? Refusal, IReadOnlyList<HeldReservation> Held)
{
    public bool Admitted => Refusal is null;
}

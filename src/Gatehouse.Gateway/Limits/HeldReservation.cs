using Gatehouse.Grains.Limits;

namespace Gatehouse.Gateway.Limits;

/// <summary>Budget reserved on one counter for a call that has not yet run.</summary>
internal sealed record HeldReservation(ICounterGrain Counter, CounterLimit Limit, CounterReservation Reservation);

using System.Text.Json;
using Gatehouse.Policy;

namespace Gatehouse.Storage;

/// <summary>The JSON form of a counter's window in <c>gatehouse_counters.state</c>.</summary>
internal static class CounterStateJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Write(CounterState state) => JsonSerializer.Serialize(state, Options);

    public static CounterState Read(string json) =>
        JsonSerializer.Deserialize<CounterState>(json, Options) ?? throw new InvalidDataException("A stored counter state is empty.");
}

using Gatehouse.Policy;

namespace Gatehouse.Grains;

/// <summary>
/// A counter's window in as few bytes as it takes (about 75, plus 24 per sliding-log entry): how an idle counter is
/// kept in its <see cref="IdleCounterTableGrain"/>.
/// </summary>
internal static class CounterStateBytes
{
    public static byte[] Write(CounterState state)
    {
        using var buffer = new MemoryStream(75 + (24 * state.Entries.Count));
        using (var writer = new BinaryWriter(buffer))
        {
            writer.Write((byte)state.Algorithm);
            writer.Write(state.WindowSeconds);
            writer.Write(state.Max);
            writer.Write(state.WindowStartUnixMs);
            writer.Write(state.Used);
            writer.Write(state.Tokens);
            writer.Write(state.LastRefillUnixMs);
            writer.Write(state.Entries.Count);
            foreach (var entry in state.Entries)
            {
                writer.Write(entry.AtUnixMs);
                writer.Write(entry.Cost);
            }
        }

        return buffer.ToArray();
    }

    public static CounterState Read(byte[] bytes)
    {
        using var reader = new BinaryReader(new MemoryStream(bytes, writable: false));
        var algorithm = (WindowAlgorithm)reader.ReadByte();
        var windowSeconds = reader.ReadInt32();
        var max = reader.ReadDecimal();
        var windowStart = reader.ReadInt64();
        var used = reader.ReadDecimal();
        var tokens = reader.ReadDecimal();
        var lastRefill = reader.ReadInt64();
        var entries = new CounterEntry[reader.ReadInt32()];
        for (var i = 0; i < entries.Length; i++)
        {
            entries[i] = new CounterEntry(reader.ReadInt64(), reader.ReadDecimal());
        }

        return new CounterState(algorithm, windowSeconds, max, windowStart, used, tokens, lastRefill, entries);
    }
}

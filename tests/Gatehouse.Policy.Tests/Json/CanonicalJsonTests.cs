using System.Text.Json;
using Gatehouse.Policy.Json;

namespace Gatehouse.Policy.Tests.Json;

public sealed class CanonicalJsonTests
{
    private const string Sample = """{ "b": [ 2.50, {"z":null,"y":false} ], "a": "h\u00e9llo <b>" }""";

    [Fact]
    public void The_default_escaping_is_the_one_stored_pins_and_approvals_were_hashed_with()
    {
        Assert.Equal("""{"a":"h\u00E9llo \u003Cb\u003E","b":[2.50,{"y":false,"z":null}]}""", CanonicalJson.Text(Parse(Sample)));
    }

    [Fact]
    public void The_readable_escaping_keeps_text_as_the_sender_meant_it()
    {
        Assert.Equal("""{"a":"héllo <b>","b":[2.50,{"y":false,"z":null}]}""", CanonicalJson.Text(Parse(Sample), CanonicalJson.Readable));
    }

    [Fact]
    public void No_value_is_an_empty_object()
    {
        Assert.Equal("{}", CanonicalJson.Text(default));
        Assert.Equal("{}", CanonicalJson.Text(Parse("null")));
    }

    [Fact]
    public void A_string_that_cannot_be_re_encoded_stands_as_received()
    {
        const string LoneSurrogate = """{"b":1,"a":"\ud800"}""";

        Assert.Equal(LoneSurrogate, CanonicalJson.Text(Parse(LoneSurrogate)));
    }

    [Fact]
    public void The_hash_is_lower_case_hex_sha256_of_the_utf8()
    {
        Assert.Equal("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824", Sha256Hex.Of("hello"));
    }

    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement;
}

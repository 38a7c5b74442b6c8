using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Gatehouse.Policy.Audit;

namespace Gatehouse.Policy.Tests.Audit;

public sealed class AuditDigestTests
{
    [Fact]
    public void The_hash_does_not_depend_on_key_order_whitespace_or_escapes_at_any_depth()
    {
        var a = AuditDigest.Of(Json("""{"b":1,"a":{"y":[1,{"q":true,"p":null}],"x":"A"}}"""));
        var b = AuditDigest.Of(Json("""
            {
              "a": { "x": "\u0041", "y": [ 1, { "p": null, "q": true } ] },
              "b": 1
            }
            """));

        Assert.Equal(a.Sha256, b.Sha256);
    }

    [Fact]
    public void The_hash_is_the_sha256_of_the_canonical_json_in_lower_case_hex()
    {
        var digest = AuditDigest.Of(Json("""{ "message": "héllo <b>", "count": 2, "list": [ "z", "a" ] }"""));

        const string Canonical = """{"count":2,"list":["z","a"],"message":"héllo <b>"}""";
        Assert.Equal(Canonical, AuditDigest.CanonicalJson(Json("""{ "message": "héllo <b>", "count": 2, "list": [ "z", "a" ] }""")));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Canonical))), digest.Sha256);
        Assert.Matches("^[0-9a-f]{64}$", digest.Sha256);
    }

    [Fact]
    public void Different_values_give_different_hashes_and_array_order_counts()
    {
        Assert.NotEqual(AuditDigest.Of(Json("""{"to":"acct-1"}""")).Sha256, AuditDigest.Of(Json("""{"to":"acct-2"}""")).Sha256);
        Assert.NotEqual(AuditDigest.Of(Json("""{"l":[1,2]}""")).Sha256, AuditDigest.Of(Json("""{"l":[2,1]}""")).Sha256);
    }

    [Fact]
    public void Names_are_the_top_level_names_sorted_ordinally_and_distinct()
    {
        var digest = AuditDigest.Of(Json("""{"to":"x","Amount":1,"memo":{"inner":1},"amount":2,"to":"y"}"""));

        Assert.Equal(["Amount", "amount", "memo", "to"], digest.Names);
    }

    [Fact]
    public void No_arguments_hash_as_an_empty_object()
    {
        var empty = Convert.ToHexStringLower(SHA256.HashData("{}"u8));

        Assert.Equal(empty, AuditDigest.Of(default).Sha256);
        Assert.Equal(empty, AuditDigest.Of(Json("null")).Sha256);
        Assert.Equal(empty, AuditDigest.Of(Json("{ }")).Sha256);
        Assert.Empty(AuditDigest.Of(default).Names);
    }

    [Fact]
    public void A_string_that_is_not_valid_utf16_still_gets_a_digest()
    {
        var digest = AuditDigest.Of(Json("""{"s":"\ud800"}"""));

        Assert.Equal(["s"], digest.Names);
        Assert.Matches("^[0-9a-f]{64}$", digest.Sha256);
    }

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();
}

using System.IO.Compression;
using System.Text;

namespace Levy.Data.Tests.Sync.Support;

/// <summary>A hand-written HTS export in the USITC JSON format: six rows (a heading, an 8-digit line with its 10-digit
/// child, a text row, a line whose footnote points to Chapter 99, and that Chapter 99 heading). Written for these tests;
/// not taken from an official file.</summary>
internal static class TinyHts
{
    /// <summary>The export, with <paramref name="carRate"/> as the general rate of 8703.23.01 so revisions can differ.</summary>
    public static string Json(string carRate = "2.5%") => $$"""
        [ {
          "htsno" : "8703",
          "indent" : "0",
          "description" : "Motor cars and other motor vehicles principally designed for the transport of persons:",
          "superior" : null,
          "units" : [ ],
          "general" : "",
          "special" : "",
          "other" : "",
          "footnotes" : [ ],
          "quotaQuantity" : "",
          "additionalDuties" : "",
          "addiitionalDuties" : null
        }, {
          "htsno" : "",
          "indent" : "1",
          "description" : "Other vehicles, with only spark-ignition internal combustion reciprocating piston engine:",
          "superior" : null,
          "units" : [ ],
          "general" : "",
          "special" : "",
          "other" : "",
          "footnotes" : null,
          "quotaQuantity" : null,
          "additionalDuties" : null,
          "addiitionalDuties" : null
        }, {
          "htsno" : "8703.23.01",
          "indent" : "2",
          "description" : "Of a cylinder capacity exceeding 1,500 cc but not exceeding 3,000 cc",
          "superior" : null,
          "units" : [ ],
          "general" : "{{carRate}}",
          "special" : "Free (A+,AU,B,KR,S,SG)",
          "other" : "10%",
          "footnotes" : [ { "columns" : [ "general" ], "value" : "See 9903.88.01. ", "type" : "endnote", "marker" : null } ],
          "quotaQuantity" : "",
          "additionalDuties" : "",
          "addiitionalDuties" : null
        }, {
          "htsno" : "8703.23.01.60",
          "indent" : "3",
          "description" : "Having engines with more than 4 cylinders but not more than 6 cylinders",
          "superior" : null,
          "units" : [ "No." ],
          "general" : "",
          "special" : "",
          "other" : "",
          "footnotes" : [ ],
          "quotaQuantity" : "",
          "additionalDuties" : "",
          "addiitionalDuties" : null
        }, {
          "htsno" : "9903.88.01",
          "indent" : "0",
          "description" : "Articles the product of China, as provided for in U.S. note 20(b) to this subchapter",
          "superior" : null,
          "units" : [ ],
          "general" : "The duty provided in the applicable subheading + 25%",
          "special" : "",
          "other" : "",
          "footnotes" : [ ],
          "quotaQuantity" : "",
          "additionalDuties" : "",
          "addiitionalDuties" : null
        } ]
        """;

    public static byte[] Bytes(string carRate = "2.5%") => Encoding.UTF8.GetBytes(Json(carRate));

    /// <summary>Gzips without compression (stored blocks), so the bytes, sizes and hashes in expected-output files do not
    /// depend on the zlib build of the runtime.</summary>
    public static byte[] Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.NoCompression))
        {
            gzip.Write(bytes);
        }

        return output.ToArray();
    }

    public static byte[] Gunzip(byte[] bytes)
    {
        using var input = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }
}

using System.IO.Compression;
using System.Text;

namespace Levy.Data.Tests.Hts;

/// <summary>Tiny revision files in the USITC format, written by hand for the loader tests.</summary>
internal static class Fixtures
{
    internal const string ThreeRows = """
        [
          {"htsno":"8703","indent":"0","description":"Motor cars:","superior":null,"units":[],"general":"","special":"","other":"","footnotes":[],"quotaQuantity":null,"additionalDuties":null,"addiitionalDuties":null},
          {"htsno":"8703.23.01","indent":"1","description":"Of a cylinder capacity exceeding 1,500 cc","superior":null,"units":[],"general":"2.5%","special":"Free (AU,KR,S)","other":"10%","footnotes":[{"columns":["general"],"value":"See 9903.88.01. ","type":"endnote"}],"quotaQuantity":null,"additionalDuties":null,"addiitionalDuties":null},
          {"htsno":"8703.23.01.90","indent":"2","description":"<i>Used</i>","superior":null,"units":["No."],"general":"","special":"","other":"","footnotes":null,"quotaQuantity":null,"additionalDuties":null,"addiitionalDuties":null}
        ]
        """;

    internal static byte[] Gzip(string json)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(json));
        }

        return buffer.ToArray();
    }
}

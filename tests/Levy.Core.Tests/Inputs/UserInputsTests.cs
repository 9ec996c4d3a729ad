using Levy.Core.Inputs;

namespace Levy.Core.Tests.Inputs;

public class UserInputsTests
{
    /// <summary>Every field name the engine's request errors use (<c>InvalidQuoteRequestException.Field</c>) is an input of
    /// the table, so the web API and the CLI can name it as they call it.</summary>
    [Theory]
    [InlineData("product", "product")]
    [InlineData("origin", "origin")]
    [InlineData("program", "program")]
    [InlineData("value", "value")]
    [InlineData("loading_date", "loadingDate")]
    [InlineData("steel_share", "steel")]
    [InlineData("aluminum_share", "aluminum")]
    [InlineData("copper_share", "copper")]
    [InlineData("us_content_share", "usContent")]
    [InlineData("conditions", "declare")]
    public void OfEngineField_IsTheInputTheApiNames(string engineField, string api) =>
        Assert.Equal(api, UserInputs.OfEngineField(engineField)?.Api);

    [Fact]
    public void OfEngineField_Unknown_IsNull() => Assert.Null(UserInputs.OfEngineField("metal_share"));
}

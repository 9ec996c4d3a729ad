using Levy.Core.Primitives;

namespace Levy.Core.Measures;

/// <summary>The names and facts of the rulebook that the stacking rules written in code rely on, declared by the rulebook
/// (the <c>engine:</c> block of <c>measures.yaml</c>) so that a rename there is checked when the rulebook loads instead of
/// failing on the first quote it affects.</summary>
/// <param name="MetalSlot">The slot whose outcome other authorities ask about: the Section 232 slot (<c>s232</c>), evaluated
/// first, whose share of value charged on metal content the partial exemptions follow.</param>
/// <param name="UsContent">The U.S.-content rule of the reciprocal duty.</param>
/// <param name="Column2Group">The country group charged the column 2 rate (General Note 3(b)): <c>COLUMN2</c>.</param>
/// <param name="EuropeanUnionGroup">The group a Chapter 99 heading's "European Union" or "member states" stands for, when the
/// countries of a measure are read from its heading's description: <c>EU</c>.</param>
public sealed record EngineRoles(string MetalSlot, UsContentRole UsContent, string Column2Group, string EuropeanUnionGroup);

/// <summary>The U.S.-content rule: at or above a share of U.S. content, a slot's additional duty is charged on the non-U.S.
/// content only and a heading is declared for the U.S. share (EO 14257 sec. 3(d) as amended; docs/domain.md, "U.S. content").</summary>
/// <param name="Slot">The slot whose duty is reduced (<c>reciprocal</c>).</param>
/// <param name="Heading">The heading declared for the U.S. content (9903.01.34).</param>
/// <param name="Threshold">The smallest share of U.S. content that counts (0.20).</param>
/// <param name="Citation">The legal source, shown with the U.S.-content component.</param>
public sealed record UsContentRole(string Slot, HtsCode Heading, decimal Threshold, string Citation);

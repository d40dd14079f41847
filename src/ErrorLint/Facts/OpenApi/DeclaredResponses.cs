using System.Collections.Generic;

namespace ErrorLint.Facts.OpenApi;

/// <summary>
/// The responses one endpoint's OpenAPI description declares: the statuses it names, whether it declares a default
/// response (which covers every status), and whether it describes its responses at all.
/// </summary>
internal sealed class DeclaredResponses
{
    // Most endpoints declare a handful of statuses, or none.
    private HashSet<int>? statuses;

    /// <summary>Something describes this endpoint's responses: an attribute, a <c>.Produces*</c> call, a typed result with metadata, a doc comment.</summary>
    public bool DescribesResponses { get; private set; }

    /// <summary>A default response, or metadata this reader cannot read (an unresolved attribute, an application convention): any status may be declared.</summary>
    public bool DeclaresAll { get; private set; }

    /// <summary><c>[ApiExplorerSettings(IgnoreApi = true)]</c>, <c>.ExcludeFromDescription()</c>: the endpoint is left out of the document.</summary>
    public bool IsExcluded { get; private set; }

    public bool Declares(int status) => DeclaresAll || statuses?.Contains(status) == true;

    public void Add(int status)
    {
        (statuses ??= new HashSet<int>()).Add(status);
        DescribesResponses = true;
    }

    public void AddDefault()
    {
        DeclaresAll = true;
        DescribesResponses = true;
    }

    /// <summary>Response metadata is there but cannot be read: stay silent rather than guess.</summary>
    public void AddUnreadable() => AddDefault();

    public void MarkDescribed() => DescribesResponses = true;

    public void Exclude() => IsExcluded = true;
}

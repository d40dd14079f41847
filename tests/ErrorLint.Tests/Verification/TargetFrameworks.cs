using System;

namespace ErrorLint.Tests.Verification
{
    /// <summary>The reference sets a test compiles its source against; every selected one is a separate run.</summary>
    [Flags]
    public enum TargetFrameworks
    {
        /// <summary>.NET 8 with the ASP.NET Core 8 shared framework.</summary>
        AspNetCore8 = 1,

        /// <summary>.NET 10 with the ASP.NET Core 10 shared framework.</summary>
        AspNetCore10 = 2,

        /// <summary>.NET 10 base library only: proves a rule stays silent (and unbroken) without ASP.NET Core.</summary>
        NoAspNetCore = 4,

        /// <summary>The default: every rule test runs against both supported ASP.NET Core versions.</summary>
        Both = AspNetCore8 | AspNetCore10,
    }
}

using System.Collections.Generic;
using System.Collections.Immutable;
using ErrorLint.Facts.Exceptions;
using ErrorLint.Responses;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ErrorLint.Rules;

/// <summary>
/// EL0009: the stack trace, <c>ToString()</c>, the exception object itself, an inner exception, <c>Source</c>,
/// <c>TargetSite</c> or <c>Data</c> of a handled exception reaches a response outside a development guard.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ExceptionDetailsInResponseAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.EL0009ExceptionDetailsInResponse);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodePolicy.Flags);
        context.RegisterCompilationStartAction(start =>
        {
            if (ResponseModel.For(start.Compilation) is { } model)
            {
                ExceptionSinks.RegisterLeakAction(start, model, ExceptionLeakKind.Details, static (_, _) => true, Diagnose);
            }
        });
    }

    private static Diagnostic Diagnose(SentExceptionLeak sent, Location location, IEnumerable<Location> leaked)
        => Diagnostic.Create(Descriptors.EL0009ExceptionDetailsInResponse, location, leaked, sent.Leak.Description, sent.Sink);
}

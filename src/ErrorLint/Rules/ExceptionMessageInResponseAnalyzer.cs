using System.Collections.Generic;
using System.Collections.Immutable;
using ErrorLint.Configuration;
using ErrorLint.Facts.Exceptions;
using ErrorLint.Responses;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ErrorLint.Rules;

/// <summary>
/// EL0010: the <c>Message</c> of a catch-all or infrastructure exception reaches a response outside a development
/// guard. The application's own exception types, client-input exceptions and configured safe types are not reported.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ExceptionMessageInResponseAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.EL0010ExceptionMessageInResponse);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodePolicy.Flags);
        context.RegisterCompilationStartAction(start =>
        {
            if (ResponseModel.For(start.Compilation) is { } model)
            {
                ExceptionSinks.RegisterLeakAction(start, model, ExceptionLeakKind.Message, (c, sent) => Reports(c, sent, model), Diagnose);
            }
        });
    }

    private static bool Reports(OperationBlockAnalysisContext context, SentExceptionLeak sent, ResponseModel model)
        => sent.Leak.ExceptionType is { } type
            && ExceptionFacts.IsMessageUnsafeToShow(type, context.Compilation)
            && !IsSafe(type, ErrorLintOptions.For(context.Options, sent.Leak.Syntax.SyntaxTree))
            && !IsAboutClientInput(sent, model);

    /// <summary>The message of what a try that only parses the client's input threw describes that input.</summary>
    private static bool IsAboutClientInput(SentExceptionLeak sent, ResponseModel model)
        => ExceptionFacts.EnclosingCatch(sent.SiteOperation) is { } catchClause && ClientInputTry.OnlyReadsClientInput(catchClause, model);

    private static Diagnostic Diagnose(SentExceptionLeak sent, Location location, IEnumerable<Location> leaked)
        => Diagnostic.Create(Descriptors.EL0010ExceptionMessageInResponse, location, leaked, sent.Leak.ExceptionType!.Name, sent.Sink);

    private static bool IsSafe(ITypeSymbol type, ErrorLintOptions options)
    {
        for (var current = type.WithNullableAnnotation(NullableAnnotation.None); current is not null; current = current.BaseType)
        {
            if (ErrorLintOptions.Names(options.SafeExceptionTypes, current))
            {
                return true;
            }
        }

        return false;
    }
}

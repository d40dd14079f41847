using System.Collections.Immutable;
using ErrorLint.Configuration;
using ErrorLint.Facts.Exceptions;
using ErrorLint.Facts.Validation;
using ErrorLint.Responses;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ErrorLint.Rules;

/// <summary>
/// EL0002: a 5xx response where the request was invalid: in the branch where validation failed, in a catch of a
/// client-input exception, or with a validator's output (validation problem details, validation results) as its body.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ValidationFailureAsServerErrorAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.EL0002ValidationFailureAsServerError);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodePolicy.Flags);
        context.RegisterCompilationStartAction(start =>
        {
            if (ResponseModel.For(start.Compilation) is not { } model)
            {
                return;
            }

            start.RegisterOperationBlockAction(c =>
            {
                foreach (var response in model.OperationsIn(c).Responses)
                {
                    Analyze(c, response, model);
                }
            });
        });
    }

    private static void Analyze(OperationBlockAnalysisContext context, HttpResponseInfo response, ResponseModel model)
    {
        if (ReasonToReport(response, model) is not { } reason)
        {
            return;
        }

        var options = ErrorLintOptions.For(context.Options, response.Operation.Syntax.SyntaxTree);
        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.EL0002ValidationFailureAsServerError,
            response.Operation.Syntax.GetLocation(),
            reason,
            response.StatusCode,
            options.ValidationStatus));
    }

    /// <summary>Why the rule reports the response (a 5xx decided here for an invalid request); null when it does not.</summary>
    internal static string? ReasonToReport(HttpResponseInfo response, ResponseModel model)
        // A local function's own responses are analysed where they are written.
        => response is { IsServerError: true } && StatusSite.IsDecidedHere(response) && response.ThroughHelper is not { MethodKind: MethodKind.LocalFunction }
            ? Reason(response, model)
            : null;

    /// <summary>Why the request counts as invalid, for the message; null when nothing says so.</summary>
    internal static string? Reason(HttpResponseInfo response, ResponseModel model)
    {
        if (response.Kind == ResponseKind.ValidationProblem)
        {
            return "the body is validation problem details";
        }

        if (model.Validation.IsValidatorOutput(response.Body))
        {
            return "the body is validation errors";
        }

        // In a catch, the caught exception decides: the server's own code failed while answering (a 500 for a bug in
        // the code that builds the validation message is right), unless what was caught is the client's bad input.
        var operation = response.Operation;
        if (ExceptionFacts.EnclosingCatch(operation) is { } catchClause)
        {
            if (ExceptionFacts.Caught(catchClause, model.Types.Compilation) == FailureKind.ClientInput)
            {
                return "a " + catchClause.ExceptionType.Name + " was caught";
            }

            // try { await antiforgery.ValidateRequestAsync(context); ... } catch (Exception): whatever was caught, the
            // only code that could throw checks what the client sent.
            return ClientInputTry.OnlyReadsClientInput(catchClause, model)
                ? "the try only checks what the client sent, and it threw"
                : null;
        }

        if (model.Validation.FailedCheck(operation) is { } failed)
        {
            return Describe(failed);
        }

        return RequestValueChecks.Guarding(operation, model) is { } check
            ? "'" + CodeText.Shorten(check.Syntax, MaxQuotedCheckLength) + "' fails on the request's own values"
            : null;
    }

    private const int MaxQuotedCheckLength = 60;

    /// <summary>How the message names the failed check: <c>ModelState.IsValid is false</c>, <c>Validator.TryValidateObject failed</c>.</summary>
    private static string Describe(ValidationFact failed) => failed.Check switch
    {
        IPropertyReferenceOperation isValid => (isValid.Instance?.Syntax is { } instance ? instance + ".IsValid" : "IsValid") + " is false",
        IInvocationOperation call => call.TargetMethod.ContainingType.Name + "." + call.TargetMethod.Name + " failed",
        _ => "validation reported errors",
    };
}

// Start-up and minimal APIs. A line that makes a mistake ends with a comment naming the rule that
// reports it; tests/ErrorLint.PackageTests checks that exactly those lines get a warning.
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using SampleApi;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddControllers();
builder.Services.AddProblemDetails();
builder.Services.AddSingleton<Store>();
builder.Services.AddHttpClient();
builder.Services.AddExceptionHandler<ProblemExceptionHandler>(); // EL0016: nothing calls UseExceptionHandler, so it never runs
builder.Services.AddRateLimiter(options => options.AddFixedWindowLimiter("fixed", limiter => limiter.PermitLimit = 10)); // EL0008: rejects with 503 and no Retry-After

var app = builder.Build();
app.UseDeveloperExceptionPage(); // EL0011: stack traces for everyone, in production too
app.UseRateLimiter();
app.MapControllers();

var carts = app.MapGroup("/carts");

carts.MapGet("/{id:int}", (int id, Store store) =>
{
    var cart = store.FindCart(id);
    if (cart is null)
    {
        return Results.Ok(new { success = false, message = "Cart not found" }); // EL0001: the client sees 200 OK
    }

    return Results.Ok(cart);
});

// Correct: a failure answered with problem details and a 4xx status, declared in the OpenAPI description.
carts.MapGet("/{id:int}/items", Results<Ok<int>, ProblemHttpResult> (int id, Store store) =>
    store.FindCart(id) is { } cart
        ? TypedResults.Ok(cart.Items)
        : TypedResults.Problem(detail: "Cart not found", statusCode: StatusCodes.Status404NotFound))
    .ProducesProblem(StatusCodes.Status404NotFound);

// Every error status an endpoint sends belongs in its OpenAPI description (EL0014 is a warning in this sample's .editorconfig).
carts.MapGet("/{id:int}/count", Results<Ok<int>, ProblemHttpResult> (int id, Store store) =>
    store.FindCart(id) is { } cart
        ? TypedResults.Ok(cart.Items)
        : TypedResults.Problem(detail: "Cart not found", statusCode: StatusCodes.Status404NotFound)); // EL0014: the document promises only 200

// Correct: a success message is not an error body.
carts.MapDelete("/{id:int}", (int id, Store store) =>
    store.RemoveCart(id) ? Results.Ok(new { message = "Deleted" }) : Results.NotFound());

// Problem details must go out as application/problem+json.
carts.MapPost("/{id:int}/checkout", (int id, Store store) =>
    store.FindCart(id) is null
        ? Results.NotFound(new ProblemDetails { Status = 404, Title = "Cart not found" }) // EL0015: sent as application/json
        : Results.Ok());

// Correct: Problem(...) sends the same problem details as application/problem+json.
carts.MapPost("/{id:int}/pay", (int id, Store store) =>
    store.FindCart(id) is null
        ? Results.Problem(new ProblemDetails { Status = 404, Title = "Cart not found" })
        : Results.Ok());

app.Run();

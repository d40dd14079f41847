namespace SampleApi;

public sealed record Order(int Id, decimal Total);

public sealed record Cart(int Id, int Items);

/// <summary>In-memory data for the sample; nothing here is about ErrorLint.</summary>
public sealed class Store
{
    private readonly Dictionary<int, Order> _orders = new() { [1] = new Order(1, 42.50m) };
    private readonly Dictionary<int, Cart> _carts = new() { [1] = new Cart(1, 3) };

    public Order? FindOrder(int id) => _orders.GetValueOrDefault(id);

    public bool RemoveOrder(int id) => _orders.Remove(id);

    public Cart? FindCart(int id) => _carts.GetValueOrDefault(id);

    public bool RemoveCart(int id) => _carts.Remove(id);
}

namespace Gatehouse.Gateway.Front.Messages;

/// <summary>What one JSON-RPC message from an agent is.</summary>
internal enum MessageKind
{
    /// <summary>Has a <c>method</c> and an <c>id</c>: it expects an answer.</summary>
    Request,

    /// <summary>Has a <c>method</c> and no <c>id</c>.</summary>
    Notification,

    /// <summary>Has a <c>result</c> or an <c>error</c> and an <c>id</c>: an answer to a request the gateway sent.</summary>
    Response,
}

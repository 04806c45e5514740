namespace RlGameTester.Messaging.Queue;

/// <summary>A handler type and the queue it consumes, as registered with <c>AddJobHandler</c>.</summary>
public sealed record JobHandlerRegistration(string Queue, Type HandlerType);

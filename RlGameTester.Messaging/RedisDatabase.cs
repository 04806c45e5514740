using RlGameTester.Messaging.Queue;
using StackExchange.Redis;
using StackExchange.Redis.KeyspaceIsolation;

namespace RlGameTester.Messaging;

/// <summary>The Redis database with the configured key prefix applied.</summary>
internal static class RedisDatabase
{
    public static IDatabase Of(IConnectionMultiplexer redis, JobQueueOptions options) =>
        string.IsNullOrEmpty(options.KeyPrefix) ? redis.GetDatabase() : redis.GetDatabase().WithKeyPrefix(options.KeyPrefix);
}

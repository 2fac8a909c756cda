namespace TradeFlow.Ring.Processing;

/// <summary>Reflection done once per processor, so the event loop does not pay for optional callbacks.</summary>
internal static class HandlerInfo
{
    /// <summary>
    /// True if <paramref name="handlerType"/> implements <paramref name="methodName"/> of
    /// <paramref name="interfaceType"/> itself rather than inheriting the interface's empty default.
    /// </summary>
    /// <remarks>
    /// Calling a default interface method on a struct handler boxes it: checking once here keeps
    /// per-batch callbacks both free and allocation-free when the handler does not want them.
    /// </remarks>
    public static bool Implements(Type handlerType, Type interfaceType, string methodName)
    {
        if (handlerType.IsInterface)
        {
            return true;
        }

        var map = handlerType.GetInterfaceMap(interfaceType);
        for (var i = 0; i < map.InterfaceMethods.Length; i++)
        {
            if (map.InterfaceMethods[i].Name == methodName)
            {
                return map.TargetMethods[i].DeclaringType != interfaceType;
            }
        }

        return true;
    }
}

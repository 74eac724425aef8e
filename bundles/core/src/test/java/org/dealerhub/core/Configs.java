package org.dealerhub.core;

import java.lang.reflect.Proxy;
import java.util.Map;

/** A DS configuration annotation as SCR hands it over: the given values, else the annotation's defaults. */
final class Configs {

    private Configs() {
    }

    static <A> A of(Class<A> type, Map<String, Object> values) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (method.getName().equals("annotationType")) {
                return type;
            }
            Object value = values.containsKey(method.getName()) ? values.get(method.getName())
                    : method.getDefaultValue();
            if (value == null) {
                throw new IllegalStateException(method.getName() + " has no value and no default");
            }
            return value;
        }));
    }
}

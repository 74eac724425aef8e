package org.dealerhub.rest;

import java.net.URI;
import java.util.List;
import java.util.function.ToLongFunction;

import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.dealerhub.api.Crud;

/** The CRUD wiring the organisation, device and contract resources share. */
final class CrudResource<T, D> {

    private final Crud<T, D> service;
    private final ToLongFunction<T> id;

    CrudResource(Crud<T, D> service, ToLongFunction<T> id) {
        this.service = service;
        this.id = id;
    }

    List<T> list(SecurityContext security) {
        return service.list(Authenticated.caller(security));
    }

    T get(SecurityContext security, long key) {
        return service.get(Authenticated.caller(security), key);
    }

    Response create(SecurityContext security, D draft) {
        T created = service.create(Authenticated.caller(security), draft);
        return Response.created(URI.create(String.valueOf(id.applyAsLong(created)))).entity(created).build();
    }

    T update(SecurityContext security, long key, D draft) {
        return service.update(Authenticated.caller(security), key, draft);
    }

    Response delete(SecurityContext security, long key) {
        service.delete(Authenticated.caller(security), key);
        return Response.noContent().build();
    }
}

package org.dealerhub.soap;

import javax.servlet.http.HttpServletRequest;

import org.apache.cxf.configuration.security.AuthorizationPolicy;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.interceptor.security.AuthenticationException;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.transport.http.AbstractHTTPDestination;
import org.dealerhub.api.Authentication;
import org.dealerhub.api.Caller;

/**
 * HTTP Basic authentication of every SOAP call against the platform's JAAS realm; too many failed logins answer a
 * client fault with HTTP status 429.
 */
final class SoapAuthentication extends AbstractPhaseInterceptor<Message> {

    static final String CALLER = "dealerhub.caller";

    private final Authentication authentication;

    SoapAuthentication(Authentication authentication) {
        super(Phase.UNMARSHAL);
        this.authentication = authentication;
    }

    @Override
    public void handleMessage(Message message) {
        AuthorizationPolicy policy = message.get(AuthorizationPolicy.class);
        Object http = message.get(AbstractHTTPDestination.HTTP_REQUEST);
        String address = http instanceof HttpServletRequest r ? r.getRemoteAddr() : null;
        Caller caller;
        try {
            caller = policy == null ? null : authentication.authenticate(policy.getUserName(), policy.getPassword(),
                    address).orElse(null);
        } catch (Authentication.Throttled e) {
            throw fault(e.getMessage(), 429);
        }
        if (caller == null) {
            throw fault("authentication required", 401);
        }
        message.put(CALLER, caller);
    }

    private static Fault fault(String message, int status) {
        Fault fault = new Fault(new AuthenticationException(message));
        fault.setFaultCode(Fault.FAULT_CODE_CLIENT);
        fault.setStatusCode(status);
        return fault;
    }
}

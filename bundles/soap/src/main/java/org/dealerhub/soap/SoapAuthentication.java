package org.dealerhub.soap;

import org.apache.cxf.configuration.security.AuthorizationPolicy;
import org.apache.cxf.interceptor.AttachmentInInterceptor;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.interceptor.security.AuthenticationException;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.dealerhub.api.Authentication;
import org.dealerhub.api.Caller;
import org.dealerhub.api.DomainException;

/**
 * HTTP Basic authentication of every SOAP call against the platform's JAAS realm, in the RECEIVE phase: before the
 * StAX reader exists, so an unauthenticated envelope is refused (401, a Client fault) without its body being read.
 */
final class SoapAuthentication extends AbstractPhaseInterceptor<Message> {

    static final String CALLER = "dealerhub.caller";

    private final Authentication authentication;

    SoapAuthentication(Authentication authentication) {
        super(Phase.RECEIVE);
        addBefore(AttachmentInInterceptor.class.getName());
        this.authentication = authentication;
    }

    @Override
    public void handleMessage(Message message) {
        if ("GET".equals(message.get(Message.HTTP_REQUEST_METHOD))) {
            return; // the WSDL is public; no operation can be called by GET
        }
        AuthorizationPolicy policy = message.get(AuthorizationPolicy.class);
        Caller caller;
        try {
            caller = policy == null ? null
                    : authentication.authenticate(policy.getUserName(), policy.getPassword()).orElse(null);
        } catch (DomainException refused) {
            // a user the realm knows but Dealerhub refuses, e.g. a customer bound ambiguously (PORTAL-ACCT-1)
            Fault fault = new Fault(DealerhubFault.of(refused));
            fault.setFaultCode(Fault.FAULT_CODE_CLIENT);
            fault.setStatusCode(403);
            throw fault;
        }
        if (caller == null) {
            Fault fault = new Fault(new AuthenticationException("authentication required"));
            fault.setFaultCode(Fault.FAULT_CODE_CLIENT);
            fault.setStatusCode(401);
            throw fault;
        }
        message.put(CALLER, caller);
    }
}

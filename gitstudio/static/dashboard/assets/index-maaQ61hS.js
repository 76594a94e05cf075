const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=["assets/embed-ji_c-7H5.js","assets/vega-interpreter-BmnYaw1U.js"])))=>i.map(i=>d[i]);
var Ve,U,zt,ue,ft,Jt,Xt,ze,Pe,Ee,Kt,dt,rt,st,qe={},Be=[],yn=/acit|ex(?:s|g|n|p|$)|rph|grid|ows|mnc|ntw|ine[ch]|zoo|^ord|itera/i,Fe=Array.isArray;function ce(e,t){for(var r in t)e[r]=t[r];return e}function ut(e){e&&e.parentNode&&e.parentNode.removeChild(e)}function _n(e,t,r){var s,i,l,d={};for(l in t)l=="key"?s=t[l]:l=="ref"?i=t[l]:d[l]=t[l];if(arguments.length>2&&(d.children=arguments.length>3?Ve.call(arguments,2):r),typeof e=="function"&&e.defaultProps!=null)for(l in e.defaultProps)d[l]===void 0&&(d[l]=e.defaultProps[l]);return Ne(e,d,s,i,null)}function Ne(e,t,r,s,i){var l={type:e,props:t,key:r,ref:s,__k:null,__:null,__b:0,__e:null,__c:null,constructor:void 0,__v:i??++zt,__i:-1,__u:0};return i==null&&U.vnode!=null&&U.vnode(l),l}function ne(e){return e.children}function be(e,t){this.props=e,this.context=t}function ge(e,t){if(t==null)return e.__?ge(e.__,e.__i+1):null;for(var r;t<e.__k.length;t++)if((r=e.__k[t])!=null&&r.__e!=null)return r.__e;return typeof e.type=="function"?ge(e):null}function bn(e){if(e.__P&&e.__d){var t=e.__v,r=t.__e,s=[],i=[],l=ce({},t);l.__v=t.__v+1,U.vnode&&U.vnode(l),ht(e.__P,l,t,e.__n,e.__P.namespaceURI,32&t.__u?[r]:null,s,r??ge(t),!!(32&t.__u),i),l.__v=t.__v,l.__.__k[l.__i]=l,tn(s,l,i),t.__e=t.__=null,l.__e!=r&&Qt(l)}}function Qt(e){if((e=e.__)!=null&&e.__c!=null)return e.__e=e.__c.base=null,e.__k.some(function(t){if(t!=null&&t.__e!=null)return e.__e=e.__c.base=t.__e}),Qt(e)}function gt(e){(!e.__d&&(e.__d=!0)&&ue.push(e)&&!Ue.__r++||ft!=U.debounceRendering)&&((ft=U.debounceRendering)||Jt)(Ue)}function Ue(){try{for(var e,t=1;ue.length;)ue.length>t&&ue.sort(Xt),e=ue.shift(),t=ue.length,bn(e)}finally{ue.length=Ue.__r=0}}function Yt(e,t,r,s,i,l,d,a,u,c,h){var g,o,p,m,w,S,f=s&&s.__k||Be,b=t.length;for(u=wn(r,t,f,u,b),g=0;g<b;g++)(p=r.__k[g])!=null&&(o=p.__i!=-1&&f[p.__i]||qe,p.__i=g,S=ht(e,p,o,i,l,d,a,u,c,h),m=p.__e,p.ref&&o.ref!=p.ref&&(o.ref&&mt(o.ref,null,p),h.push(p.ref,p.__c||m,p)),w==null&&m!=null&&(w=m),4&p.__u?(u=Zt(p,u,e),o.__e&&(o.__e=null)):typeof p.type=="function"&&S!==void 0?u=S:m&&(u=m.nextSibling),p.__u&=-7);return r.__e=w,u}function wn(e,t,r,s,i){var l,d,a,u,c,h=r.length,g=h,o=0;for(e.__k=new Array(i),l=0;l<i;l++)(d=t[l])!=null&&typeof d!="boolean"&&typeof d!="function"?(typeof d=="string"||typeof d=="number"||typeof d=="bigint"||d.constructor==String?d=e.__k[l]=Ne(null,d,null,null,null):Fe(d)?d=e.__k[l]=Ne(ne,{children:d},null,null,null):d.constructor===void 0&&d.__b>0?d=e.__k[l]=Ne(d.type,d.props,d.key,d.ref?d.ref:null,d.__v):e.__k[l]=d,u=l+o,d.__=e,d.__b=e.__b+1,a=null,(c=d.__i=vn(d,r,u,g))!=-1&&(g--,(a=r[c])&&(a.__u|=2)),a==null||a.__v==null?(c==-1&&(i>h?o--:i<h&&o++),typeof d.type!="function"&&(d.__u|=4)):c!=u&&(c==u-1?o--:c==u+1?o++:(c>u?o--:o++,d.__u|=4))):e.__k[l]=null;if(g)for(l=0;l<h;l++)(a=r[l])!=null&&(2&a.__u)==0&&(a.__e==s&&(s=ge(a)),rn(a,a));return s}function Zt(e,t,r){var s,i;if(typeof e.type=="function"){for(s=e.__k,i=0;s&&i<s.length;i++)s[i]&&(s[i].__=e,t=Zt(s[i],t,r));return t}e.__e!=t&&(t&&e.type&&!t.parentNode&&(t=ge(e)),t=r.insertBefore(e.__e,t||null));do t=t&&t.nextSibling;while(t!=null&&t.nodeType==8);return t}function vn(e,t,r,s){var i,l,d,a=e.key,u=e.type,c=t[r],h=c!=null&&(2&c.__u)==0;if(c===null&&a==null||h&&a==c.key&&u==c.type)return r;if(s>(h?1:0)){for(i=r-1,l=r+1;i>=0||l<t.length;)if((c=t[d=i>=0?i--:l++])!=null&&(2&c.__u)==0&&a==c.key&&u==c.type)return d}return-1}function yt(e,t,r){t[0]=="-"?e.setProperty(t,r??""):e[t]=r==null?"":typeof r!="number"||yn.test(t)?r:r+"px"}function Me(e,t,r,s,i){var l,d;e:if(t=="style")if(typeof r=="string")e.style.cssText=r;else{if(typeof s=="string"&&(e.style.cssText=s=""),s)for(t in s)r&&t in r||yt(e.style,t,"");if(r)for(t in r)s&&r[t]==s[t]||yt(e.style,t,r[t])}else if(t[0]=="o"&&t[1]=="n")l=t!=(t=t.replace(Kt,"$1")),d=t.toLowerCase(),t=d in e||t=="onFocusOut"||t=="onFocusIn"?d.slice(2):t.slice(2),e.l||(e.l={}),e.l[t+l]=r,r?s?r[Ee]=s[Ee]:(r[Ee]=dt,e.addEventListener(t,l?st:rt,l)):e.removeEventListener(t,l?st:rt,l);else{if(i=="http://www.w3.org/2000/svg")t=t.replace(/xlink(H|:h)/,"h").replace(/sName$/,"s");else if(t!="width"&&t!="height"&&t!="href"&&t!="list"&&t!="form"&&t!="tabIndex"&&t!="download"&&t!="rowSpan"&&t!="colSpan"&&t!="role"&&t!="popover"&&t in e)try{e[t]=r??"";break e}catch{}typeof r=="function"||(r==null||r===!1&&t[4]!="-"?e.removeAttribute(t):e.setAttribute(t,t=="popover"&&r==1?"":r))}}function _t(e){return function(t){if(this.l){var r=this.l[t.type+e];if(t[Pe]==null)t[Pe]=dt++;else if(t[Pe]<r[Ee])return;return r(U.event?U.event(t):t)}}}function ht(e,t,r,s,i,l,d,a,u,c){var h,g,o,p,m,w,S,f,b,$,k,x,E,O,M,L,V=t.type;if(t.constructor!==void 0)return null;128&r.__u&&(u=!!(32&r.__u),l=[a=t.__e=r.__e]),(h=U.__b)&&h(t);e:if(typeof V=="function"){g=d.length;try{if(b=t.props,$=V.prototype&&V.prototype.render,k=(h=V.contextType)&&s[h.__c],x=h?k?k.props.value:h.__:s,r.__c?f=(o=t.__c=r.__c).__=o.__E:($?t.__c=o=new V(b,x):(t.__c=o=new be(b,x),o.constructor=V,o.render=kn),k&&k.sub(o),o.state||(o.state={}),o.__n=s,p=o.__d=!0,o.__h=[],o._sb=[]),$&&o.__s==null&&(o.__s=o.state),$&&V.getDerivedStateFromProps!=null&&(o.__s==o.state&&(o.__s=ce({},o.__s)),ce(o.__s,V.getDerivedStateFromProps(b,o.__s))),m=o.props,w=o.state,o.__v=t,p)$&&V.getDerivedStateFromProps==null&&o.componentWillMount!=null&&o.componentWillMount(),$&&o.componentDidMount!=null&&o.__h.push(o.componentDidMount);else{if($&&V.getDerivedStateFromProps==null&&b!==m&&o.componentWillReceiveProps!=null&&o.componentWillReceiveProps(b,x),t.__v==r.__v||!o.__e&&o.shouldComponentUpdate!=null&&o.shouldComponentUpdate(b,o.__s,x)===!1){t.__v!=r.__v&&(o.props=b,o.state=o.__s,o.__d=!1),t.__e=r.__e,t.__k=r.__k,t.__k.some(function(G){G&&(G.__=t)}),Be.push.apply(o.__h,o._sb),o._sb=[],o.__h.length&&d.push(o),a=ge(r);break e}o.componentWillUpdate!=null&&o.componentWillUpdate(b,o.__s,x),$&&o.componentDidUpdate!=null&&o.__h.push(function(){o.componentDidUpdate(m,w,S)})}if(o.context=x,o.props=b,o.__P=e,o.__e=!1,E=U.__r,O=0,$)o.state=o.__s,o.__d=!1,E&&E(t),h=o.render(o.props,o.state,o.context),Be.push.apply(o.__h,o._sb),o._sb=[];else do o.__d=!1,E&&E(t),h=o.render(o.props,o.state,o.context),o.state=o.__s;while(o.__d&&++O<25);o.state=o.__s,o.getChildContext!=null&&(s=ce(ce({},s),o.getChildContext())),$&&!p&&o.getSnapshotBeforeUpdate!=null&&(S=o.getSnapshotBeforeUpdate(m,w)),M=h!=null&&h.type===ne&&h.key==null?nn(h.props.children):h,a=Yt(e,Fe(M)?M:[M],t,r,s,i,l,d,a,u,c),o.base=t.__e,t.__u&=-161,o.__h.length&&d.push(o),f&&(o.__E=o.__=null)}catch(G){if(d.length=g,t.__v=null,u||l!=null){if(G.then){for(t.__u|=u?160:128;a&&a.nodeType==8&&a.nextSibling;)a=a.nextSibling;l!=null&&(l[l.indexOf(a)]=null),t.__e=a}else if(l!=null)for(L=l.length;L--;)ut(l[L])}else t.__e=r.__e;t.__k==null&&(t.__k=r.__k||[]),G.then||en(t),U.__e(G,t,r)}}else l==null&&t.__v==r.__v?(t.__k=r.__k,t.__e=r.__e):a=t.__e=Sn(r.__e,t,r,s,i,l,d,u,c);return(h=U.diffed)&&h(t),128&t.__u?void 0:a}function en(e){e&&(e.__c&&(e.__c.__e=!0),e.__k&&e.__k.some(en))}function tn(e,t,r){for(var s=0;s<r.length;s++)mt(r[s],r[++s],r[++s]);U.__c&&U.__c(t,e),e.some(function(i){try{e=i.__h,i.__h=[],e.some(function(l){l.call(i)})}catch(l){U.__e(l,i.__v)}})}function nn(e){return typeof e!="object"||e==null||e.__b>0?e:Fe(e)?e.map(nn):e.constructor!==void 0?null:ce({},e)}function Sn(e,t,r,s,i,l,d,a,u){var c,h,g,o,p,m,w,S=r.props||qe,f=t.props,b=t.type;if(b=="svg"?i="http://www.w3.org/2000/svg":b=="math"?i="http://www.w3.org/1998/Math/MathML":i||(i="http://www.w3.org/1999/xhtml"),l!=null){for(c=0;c<l.length;c++)if((p=l[c])&&"setAttribute"in p==!!b&&(b?p.localName==b:p.nodeType==3)){e=p,l[c]=null;break}}if(e==null){if(b==null)return document.createTextNode(f);e=document.createElementNS(i,b,f.is&&f),a&&(U.__m&&U.__m(t,l),a=!1),l=null}if(b==null)S===f||a&&e.data==f||(e.data=f);else{if(l=b=="textarea"&&f.defaultValue!=null?null:l&&Ve.call(e.childNodes),!a&&l!=null)for(S={},c=0;c<e.attributes.length;c++)S[(p=e.attributes[c]).name]=p.value;for(c in S)p=S[c],c=="dangerouslySetInnerHTML"?g=p:c=="children"||c in f||c=="value"&&"defaultValue"in f||c=="checked"&&"defaultChecked"in f||Me(e,c,null,p,i);for(c in f)p=f[c],c=="children"?o=p:c=="dangerouslySetInnerHTML"?h=p:c=="value"?m=p:c=="checked"?w=p:a&&typeof p!="function"||S[c]===p||Me(e,c,p,S[c],i);if(h)a||g&&(h.__html==g.__html||h.__html==e.innerHTML)||(e.innerHTML=h.__html),t.__k=[];else if(g&&(e.innerHTML=""),Yt(t.type=="template"?e.content:e,Fe(o)?o:[o],t,r,s,b=="foreignObject"?"http://www.w3.org/1999/xhtml":i,l,d,l?l[0]:r.__k&&ge(r,0),a,u),l!=null)for(c=l.length;c--;)ut(l[c]);a&&b!="textarea"||(c="value",b=="progress"&&m==null?e.removeAttribute("value"):m!=null&&(m!==e[c]||b=="progress"&&!m||b=="option"&&m!=S[c])&&Me(e,c,m,S[c],i),c="checked",w!=null&&w!=e[c]&&Me(e,c,w,S[c],i))}return e}function mt(e,t,r){try{if(typeof e=="function"){var s=typeof e.__u=="function";s&&e.__u(),s&&t==null||(e.__u=e(t))}else e.current=t}catch(i){U.__e(i,r)}}function rn(e,t,r){var s,i;if(U.unmount&&U.unmount(e),(s=e.ref)&&(s.current&&s.current!=e.__e||mt(s,null,t)),(s=e.__c)!=null){if(s.componentWillUnmount)try{s.componentWillUnmount()}catch(l){U.__e(l,t)}s.base=s.__P=s.__n=null}if(s=e.__k)for(i=0;i<s.length;i++)s[i]&&rn(s[i],t,r||typeof e.type!="function");r||ut(e.__e),e.__c=e.__=e.__e=void 0}function kn(e,t,r){return this.constructor(e,r)}function $n(e,t,r){var s,i,l,d;t==document&&(t=document.documentElement),U.__&&U.__(e,t),i=(s=!1)?null:t.__k,l=[],d=[],ht(t,e=t.__k=_n(ne,null,[e]),i||qe,qe,t.namespaceURI,i?null:t.firstChild?Ve.call(t.childNodes):null,l,i?i.__e:t.firstChild,s,d),tn(l,e,d),e.props.children=null}Ve=Be.slice,U={__e:function(e,t,r,s){for(var i,l,d;t=t.__;)if((i=t.__c)&&!i.__)try{if((l=i.constructor)&&l.getDerivedStateFromError!=null&&(i.setState(l.getDerivedStateFromError(e)),d=i.__d),i.componentDidCatch!=null&&(i.componentDidCatch(e,s||{}),d=i.__d),d)return i.__E=i}catch(a){e=a}throw e}},zt=0,be.prototype.setState=function(e,t){var r;r=this.__s!=null&&this.__s!=this.state?this.__s:this.__s=ce({},this.state),typeof e=="function"&&(e=e(ce({},r),this.props)),e&&ce(r,e),e!=null&&this.__v&&(t&&this._sb.push(t),gt(this))},be.prototype.forceUpdate=function(e){this.__v&&(this.__e=!0,e&&this.__h.push(e),gt(this))},be.prototype.render=ne,ue=[],Jt=typeof Promise=="function"?Promise.prototype.then.bind(Promise.resolve()):setTimeout,Xt=function(e,t){return e.__v.__b-t.__v.__b},Ue.__r=0,ze=Math.random().toString(8),Pe="__d"+ze,Ee="__a"+ze,Kt=/(PointerCapture)$|Capture$/i,dt=0,rt=_t(!1),st=_t(!0);var In=0;function n(e,t,r,s,i,l){t||(t={});var d,a,u=t;if("ref"in u)for(a in u={},t)a=="ref"?d=t[a]:u[a]=t[a];var c={type:e,props:u,key:r,ref:d,__k:null,__:null,__b:0,__e:null,__c:null,constructor:void 0,__v:--In,__i:-1,__u:0,__source:i,__self:l};if(typeof e=="function"&&(d=e.defaultProps))for(a in d)u[a]===void 0&&(u[a]=d[a]);return U.vnode&&U.vnode(c),c}var Ce,W,Je,bt,Te=0,sn=[],J=U,wt=J.__b,vt=J.__r,St=J.diffed,kt=J.__c,$t=J.unmount,It=J.__;function pt(e,t){J.__h&&J.__h(W,e,Te||t),Te=0;var r=W.__H||(W.__H={__:[],__h:[]});return e>=r.__.length&&r.__.push({}),r.__[e]}function v(e){return Te=1,En(ln,e)}function En(e,t,r){var s=pt(Ce++,2);if(s.t=e,!s.__c&&(s.__=[ln(void 0,t),function(a){var u=s.__N?s.__N[0]:s.__[0],c=s.t(u,a);u!==c&&(s.__N=[c,s.__[1]],s.__c.setState({}))}],s.__c=W,!W.__f)){var i=function(a,u,c){if(!s.__c.__H)return!0;var h=!1,g=s.__c.props!==a;if(s.__c.__H.__.some(function(p){if(p.__N){h=!0;var m=p.__[0];p.__=p.__N,p.__N=void 0,m!==p.__[0]&&(g=!0)}}),l){var o=l.call(this,a,u,c);return h?o||g:o}return!h||g};W.__f=!0;var l=W.shouldComponentUpdate,d=W.componentWillUpdate;W.componentWillUpdate=function(a,u,c){if(this.__e){var h=l;l=void 0,i(a,u,c),l=h}d&&d.call(this,a,u,c)},W.shouldComponentUpdate=i}return s.__N||s.__}function F(e,t){var r=pt(Ce++,3);!J.__s&&on(r.__H,t)&&(r.__=e,r.u=t,W.__H.__h.push(r))}function Re(e){return Te=5,ve(function(){return{current:e}},[])}function ve(e,t){var r=pt(Ce++,7);return on(r.__H,t)&&(r.__=e(),r.__H=t,r.__h=e),r.__}function Et(e,t){return Te=8,ve(function(){return e},t)}function xn(){for(var e;e=sn.shift();){var t=e.__H;if(e.__P&&t)try{t.__h.some(De),t.__h.some(ot),t.__h=[]}catch(r){t.__h=[],J.__e(r,e.__v)}}}J.__b=function(e){W=null,wt&&wt(e)},J.__=function(e,t){e&&t.__k&&t.__k.__m&&(e.__m=t.__k.__m),It&&It(e,t)},J.__r=function(e){vt&&vt(e),Ce=0;var t=(W=e.__c).__H;t&&(Je===W?(t.__h=[],W.__h=[],t.__.some(function(r){r.__N&&(r.__=r.__N),r.u=r.__N=void 0})):(t.__h.some(De),t.__h.some(ot),t.__h=[],Ce=0)),Je=W},J.diffed=function(e){St&&St(e);var t=e.__c;t&&t.__H&&(t.__H.__h.length&&(sn.push(t)!==1&&bt===J.requestAnimationFrame||((bt=J.requestAnimationFrame)||Cn)(xn)),t.__H.__.some(function(r){r.u&&(r.__H=r.u,r.u=void 0)})),Je=W=null},J.__c=function(e,t){t.some(function(r){try{r.__h.some(De),r.__h=r.__h.filter(function(s){return!s.__||ot(s)})}catch(s){t.some(function(i){i.__h&&(i.__h=[])}),t=[],J.__e(s,r.__v)}}),kt&&kt(e,t)},J.unmount=function(e){$t&&$t(e);var t,r=e.__c;r&&r.__H&&(r.__H.__.some(function(s){try{De(s)}catch(i){t=i}}),r.__H=void 0,t&&J.__e(t,r.__v))};var xt=typeof requestAnimationFrame=="function";function Cn(e){var t,r=function(){clearTimeout(s),xt&&cancelAnimationFrame(t),setTimeout(e)},s=setTimeout(r,35);xt&&(t=requestAnimationFrame(r))}function De(e){var t=W,r=e.__c;typeof r=="function"&&(e.__c=void 0,r()),W=t}function ot(e){var t=W;e.__c=e.__(),W=t}function on(e,t){return!e||e.length!==t.length||t.some(function(r,s){return r!==e[s]})}function ln(e,t){return typeof t=="function"?t(e):t}function K(e){return e===null?"null":Array.isArray(e)?"array":typeof e}function fe(e){return K(e)==="object"}function Tn(e){return Array.isArray(e)&&e.length>0&&e.every(t=>"message"in t)}function Ct(e,t){return e.length<124?e:t}const Rn="graphql-transport-ws";var ee=(e=>(e[e.InternalServerError=4500]="InternalServerError",e[e.InternalClientError=4005]="InternalClientError",e[e.BadRequest=4400]="BadRequest",e[e.BadResponse=4004]="BadResponse",e[e.Unauthorized=4401]="Unauthorized",e[e.Forbidden=4403]="Forbidden",e[e.SubprotocolNotAcceptable=4406]="SubprotocolNotAcceptable",e[e.ConnectionInitialisationTimeout=4408]="ConnectionInitialisationTimeout",e[e.ConnectionAcknowledgementTimeout=4504]="ConnectionAcknowledgementTimeout",e[e.SubscriberAlreadyExists=4409]="SubscriberAlreadyExists",e[e.TooManyInitialisationRequests=4429]="TooManyInitialisationRequests",e))(ee||{}),te=(e=>(e.ConnectionInit="connection_init",e.ConnectionAck="connection_ack",e.Ping="ping",e.Pong="pong",e.Subscribe="subscribe",e.Next="next",e.Error="error",e.Complete="complete",e))(te||{});function an(e){if(!fe(e))throw new Error(`Message is expected to be an object, but got ${K(e)}`);if(!e.type)throw new Error("Message is missing the 'type' property");if(typeof e.type!="string")throw new Error(`Message is expects the 'type' property to be a string, but got ${K(e.type)}`);switch(e.type){case"connection_init":case"connection_ack":case"ping":case"pong":{if(e.payload!=null&&!fe(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an object or nullish or missing, but got "${e.payload}"`);break}case"subscribe":{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${K(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);if(!fe(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an object, but got ${K(e.payload)}`);if(typeof e.payload.query!="string")throw new Error(`"${e.type}" message payload expects the 'query' property to be a string, but got ${K(e.payload.query)}`);if(e.payload.variables!=null&&!fe(e.payload.variables))throw new Error(`"${e.type}" message payload expects the 'variables' property to be a an object or nullish or missing, but got ${K(e.payload.variables)}`);if(e.payload.operationName!=null&&K(e.payload.operationName)!=="string")throw new Error(`"${e.type}" message payload expects the 'operationName' property to be a string or nullish or missing, but got ${K(e.payload.operationName)}`);if(e.payload.extensions!=null&&!fe(e.payload.extensions))throw new Error(`"${e.type}" message payload expects the 'extensions' property to be a an object or nullish or missing, but got ${K(e.payload.extensions)}`);break}case"next":{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${K(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);if(!fe(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an object, but got ${K(e.payload)}`);break}case"error":{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${K(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);if(!Tn(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an array of GraphQL errors, but got ${JSON.stringify(e.payload)}`);break}case"complete":{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${K(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);break}default:throw new Error(`Invalid message 'type' property "${e.type}"`)}return e}function An(e,t){return an(typeof e=="string"?JSON.parse(e,t):e)}function ke(e,t){return an(e),JSON.stringify(e,t)}function jn(e){const{url:t,connectionParams:r,lazy:s=!0,onNonLazyError:i=console.error,lazyCloseTimeout:l=0,keepAlive:d=0,disablePong:a,connectionAckWaitTimeout:u=0,retryAttempts:c=5,retryWait:h=async function(j){const y=Math.pow(2,j);await new Promise(T=>setTimeout(T,y*1e3+Math.floor(Math.random()*2700+300)))},shouldRetry:g=Xe,on:o,webSocketImpl:p,generateID:m=function(){return"xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx".replace(/[xy]/g,j=>{const y=Math.random()*16|0;return(j=="x"?y:y&3|8).toString(16)})},jsonMessageReplacer:w,jsonMessageReviver:S}=e;let f;if(p){if(!Pn(p))throw new Error("Invalid WebSocket implementation provided");f=p}else typeof WebSocket<"u"?f=WebSocket:typeof global<"u"?f=global.WebSocket||global.MozWebSocket:typeof window<"u"&&(f=window.WebSocket||window.MozWebSocket);if(!f)throw new Error("WebSocket implementation missing; on Node you can `import WebSocket from 'ws';` and pass `webSocketImpl: WebSocket` to `createClient`");const b=f,$=(()=>{const C=(()=>{const y={};return{on(T,A){return y[T]=A,()=>{delete y[T]}},emit(T){"id"in T&&y[T.id]?.(T)}}})(),j={connecting:o?.connecting?[o.connecting]:[],opened:o?.opened?[o.opened]:[],connected:o?.connected?[o.connected]:[],ping:o?.ping?[o.ping]:[],pong:o?.pong?[o.pong]:[],message:o?.message?[C.emit,o.message]:[C.emit],closed:o?.closed?[o.closed]:[],error:o?.error?[o.error]:[]};return{onMessage:C.on,on(y,T){const A=j[y];return A.push(T),()=>{const B=A.indexOf(T);B>-1&&A.splice(B,1)}},emit(y,...T){for(const A of[...j[y]])A(...T)}}})();function k(C){const j=[$.on("error",y=>{j.forEach(T=>T()),C(y)}),$.on("closed",y=>{j.forEach(T=>T()),C(y)})];return()=>j.forEach(y=>y())}let x,E=0,O,M=!1,L=0,V=!1;async function G(){clearTimeout(O);const[C,j]=await(x??(x=new Promise((A,B)=>(async()=>{if(M){if(await h(L),!E)return x=void 0,B({code:1e3,reason:"All Subscriptions Gone"});L++}$.emit("connecting",M);const N=new b(typeof t=="function"?await t():t,Rn);let re,de;function le(){isFinite(d)&&d>0&&(clearTimeout(de),de=setTimeout(()=>{N.readyState===b.OPEN&&(N.send(ke({type:te.Ping})),$.emit("ping",!1,void 0))},d))}k(z=>{x=void 0,clearTimeout(re),clearTimeout(de),B(z),z instanceof Tt&&(N.close(4499,"Terminated"),N.onerror=null,N.onclose=null)}),N.onerror=z=>$.emit("error",z),N.onclose=z=>$.emit("closed",z),N.onopen=async()=>{try{$.emit("opened",N);const z=typeof r=="function"?await r():r;if(N.readyState!==b.OPEN)return;N.send(ke(z?{type:te.ConnectionInit,payload:z}:{type:te.ConnectionInit},w)),isFinite(u)&&u>0&&(re=setTimeout(()=>{N.close(ee.ConnectionAcknowledgementTimeout,"Connection acknowledgement timeout")},u)),le()}catch(z){$.emit("error",z),N.close(ee.InternalClientError,Ct(z instanceof Error?z.message:String(z),"Internal client error"))}};let Z=!1;N.onmessage=({data:z})=>{try{const _=An(z,S);if($.emit("message",_),_.type==="ping"||_.type==="pong"){$.emit(_.type,!0,_.payload),_.type==="pong"?le():a||(N.send(ke(_.payload?{type:te.Pong,payload:_.payload}:{type:te.Pong},w)),$.emit("pong",!1,_.payload));return}if(Z)return;if(_.type!==te.ConnectionAck)throw new Error(`First message cannot be of type ${_.type}`);clearTimeout(re),Z=!0,$.emit("connected",N,_.payload,M),M=!1,L=0;const I=new Promise((R,D)=>k(D));I.catch(()=>{}),A([N,I])}catch(_){N.onmessage=null,$.emit("error",_),N.close(ee.BadResponse,Ct(_ instanceof Error?_.message:String(_),"Bad response"))}}})())));C.readyState===b.CLOSING&&await j;let y=()=>{};const T=new Promise(A=>y=A);return[C,y,new Promise((A,B)=>{const N=k(B);C.readyState!==b.OPEN&&j.catch(B),T.then(()=>{if(N(),!E){const re=()=>C.close(1e3,"Normal Closure");isFinite(l)&&l>0?(clearTimeout(O),O=setTimeout(()=>{!E&&C.readyState===b.OPEN&&re()},l)):re()}A()})})]}function Q(C){if(Xe(C)&&(Mn(C.code)||[ee.InternalServerError,ee.InternalClientError,ee.BadRequest,ee.BadResponse,ee.Unauthorized,ee.SubprotocolNotAcceptable,ee.SubscriberAlreadyExists,ee.TooManyInitialisationRequests].includes(C.code)))throw C;if(V)return!1;if(Xe(C)&&C.code===1e3)return E>0;if(!c||L>=c||!g(C))throw C;return M=!0}s||(async()=>{for(E++;;)try{const[,,C]=await G();await C}catch(C){try{if(!Q(C))return}catch(j){return i?.(j)}}})();function Y(C,j){const y=m(C);let T=!1,A=!1,B=()=>{E--,T=!0};return(async()=>{for(E++;;)try{const[N,re,de]=await G();if(T)return de.catch(()=>{}),re();const le=$.onMessage(y,Z=>{switch(Z.type){case te.Next:{j.next(Z.payload);return}case te.Error:{A=!0,T=!0,j.error(Z.payload),B();return}case te.Complete:{T=!0,B();return}}});N.send(ke({id:y,type:te.Subscribe,payload:C},w)),B=()=>{!T&&N.readyState===b.OPEN&&N.send(ke({id:y,type:te.Complete},w)),E--,T=!0,re()},await de.finally(le);return}catch(N){if(!Q(N))return}})().then(()=>{A||j.complete()}).catch(N=>{j.error(N)}),()=>{T||B()}}return{on:$.on,subscribe:Y,iterate(C){const j=[],y={done:!1,error:null,resolve:()=>{}},T=Y(C,{next(B){j.push(B),y.resolve()},error(B){y.done=!0,y.error=B,y.resolve()},complete(){y.done=!0,y.resolve()}}),A=(async function*(){for(;;){for(j.length||await new Promise(N=>y.resolve=N);j.length;)yield j.shift();if(y.error)throw y.error;if(y.done)return}})();return A.throw=async B=>(y.done||(y.done=!0,y.error=B,y.resolve()),{done:!0,value:void 0}),A.return=async()=>(T(),{done:!0,value:void 0}),A},async dispose(){if(V=!0,x){const[C]=await x;C.close(1e3,"Normal Closure")}},terminate(){x&&$.emit("closed",new Tt)}}}class Tt extends Error{name="TerminatedCloseEvent";message="4499: Terminated";code=4499;reason="Terminated";wasClean=!1}function Xe(e){return fe(e)&&"code"in e&&"reason"in e}function Mn(e){return[1e3,1001,1006,1005,1012,1013,1014].includes(e)?!1:e>=1e3&&e<=1999}function Pn(e){return typeof e=="function"&&"constructor"in e&&"CLOSED"in e&&"CLOSING"in e&&"CONNECTING"in e&&"OPEN"in e}let he=null;async function Nn(){const e=await fetch("/api/session",{headers:{Accept:"application/json"}});if(!e.ok)return he=null,null;const t=await e.json();return he={user:t.user,admin:t.admin,csrfToken:t.csrf_token},he}async function Dn(){const e={Accept:"application/json"};he&&(e["X-CSRF-Token"]=he.csrfToken),await fetch("/logout",{method:"POST",headers:e}),he=null}function Ae(e=location.pathname+location.search){return"/login?next="+encodeURIComponent(e)}class me extends Error{errors;constructor(t){super(t.map(r=>r.message).join("; ")||"request failed"),this.errors=t}has(t){return this.errors.some(r=>r.code===t)}}async function q(e,t,r){const s={"Content-Type":"application/json",Accept:"application/json"};he&&(s["X-CSRF-Token"]=he.csrfToken);const i={method:"POST",headers:s,body:JSON.stringify({query:e.toString(),variables:t}),credentials:"same-origin"},l=await fetch("/graphql",i);let d;try{d=await l.json()}catch{throw new me([{message:`HTTP ${l.status}`,code:l.status===401?"UNAUTHENTICATED":null}])}if(d.errors?.length)throw new me(d.errors.map(a=>({message:a.message,code:a.extensions?.code??null})));if(d.data==null)throw new me([{message:`HTTP ${l.status}`,code:null}]);return d.data}async function On(e,t,r){const s=new URLSearchParams({repo:e,name:t});"version"in r?s.set("version",r.version):"stage"in r&&s.set("stage",r.stage);const i=await fetch("/api/model-registry/get-download-uris?"+s.toString(),{headers:{Accept:"application/json"},credentials:"same-origin"});let l;try{l=await i.json()}catch{throw new me([{message:`HTTP ${i.status}`,code:null}])}if(!i.ok){const a=l??{};throw new me([{message:typeof a.detail=="string"?a.detail:`HTTP ${i.status}`,code:typeof a.code=="string"?a.code:null}])}const d={};if(typeof l=="object"&&l!==null)for(const[a,u]of Object.entries(l))typeof u=="string"&&(d[a]=u);return d}let Ke=null;function Hn(){if(!Ke){const e=location.protocol==="https:"?"wss:":"ws:";Ke=jn({url:`${e}//${location.host}/graphql`,lazy:!0,retryAttempts:1/0,shouldRetry:()=>!0,retryWait:async t=>{await new Promise(r=>setTimeout(r,Math.min(1e3*2**t,15e3)))}})}return Ke}function it(e,t,r,s){return Hn().subscribe({query:e.toString(),variables:t},{next:i=>{i.data&&r(i.data)},error:i=>s?.(i),complete:()=>{}})}const lt=new Set;function cn(){for(const e of lt)e()}window.addEventListener("popstate",cn);function Oe(e,t=!1){e!==location.pathname+location.search&&(t?history.replaceState(null,"",e):history.pushState(null,"",e),cn())}function Ln(){const[,e]=v(0);return F(()=>{const t=()=>e(r=>r+1);return lt.add(t),()=>{lt.delete(t)}},[]),{path:location.pathname,query:new URLSearchParams(location.search)}}const qn=["/graphql","/login","/logout","/api/","/auth/"];function Bn(e){e.addEventListener("click",t=>{if(t.defaultPrevented||t.button!==0||t.metaKey||t.ctrlKey||t.shiftKey||t.altKey)return;const s=t.target?.closest("a");if(!s||s.target||s.hasAttribute("download"))return;const i=new URL(s.href,location.href);i.origin===location.origin&&(qn.some(l=>i.pathname===l||i.pathname.startsWith(l))||(t.preventDefault(),Oe(i.pathname+i.search)))})}function Ge(e){return"/projects/"+encodeURIComponent(e)}function ie(e){if(!e)return"—";const t=new Date(e);return Number.isNaN(t.getTime())?e:t.toISOString().slice(0,16).replace("T"," ")+" UTC"}function Rt(e,t=Date.now()){if(!e)return"never";const r=Math.round((t-new Date(e).getTime())/1e3);return r<60?`${Math.max(r,0)} s ago`:r<3600?`${Math.round(r/60)} min ago`:r<86400?`${Math.round(r/3600)} h ago`:`${Math.round(r/86400)} d ago`}function We(e){if(e==null)return"";if(typeof e=="number"){if(Number.isInteger(e))return String(e);const t=Math.abs(e);return t!==0&&(t<.001||t>=1e6)?e.toExponential(3):String(Number(e.toPrecision(5)))}return typeof e=="string"?e:typeof e=="boolean"?e?"true":"false":JSON.stringify(e)}function at(e){const t=We(e);return e>0?"+"+t:t}function He(e){return e.split(":").slice(2).join(":")||e}class P extends String{__apiType;value;__meta__;constructor(t,r){super(t),this.value=t,this.__meta__=r}toString(){return this.value}}new P(`
    fragment ModelFields on Model {
  name
  type
  description
  labels
  path
  declaredIn
  registered
  deprecated
  registryError {
    code
    message
  }
  latestVersion {
    version
  }
  versions(includeInactive: true) {
    version
    commit
    tag
    author
    createdAt
    active
    registered
    discovered
    stages
  }
  stages {
    stage
    versions {
      version
    }
  }
  history {
    kind
    version
    stage
    commit
    tag
    author
    createdAt
    message
  }
}
    `,{fragmentName:"ModelFields"});new P(`
    fragment RowFields on Experiment {
  id
  databaseId
  kind
  name
  status
  sha
  baselineSha
  message
  createdAt
  author {
    name
  }
  hidden
  autoHidden
  detached
  tags
  ref
  lastStep
  lastEventAt
  values(columns: $columns) {
    column
    value
  }
}
    `,{fragmentName:"RowFields"});new P(`
    fragment ViewFields on View {
  id
  name
  shared
  owner
  columns
  filter
  order
  includeHidden
  baseline {
    id
  }
}
    `,{fragmentName:"ViewFields"});const Un=new P(`
    query CompareRows($projectId: ID!, $ids: [ID!]!, $baseline: ID) {
  node(id: $projectId) {
    ... on Project {
      compare(ids: $ids, baseline: $baseline) {
        experiments {
          id
          kind
          name
          sha
          status
          lastStep
          metricNames
        }
        differing
        rows {
          column
          values
          deltas
          goal
          better
        }
        plots {
          id
          kind
          revisions
          spec
          images {
            revision
            step
            url
            contentType
          }
        }
        plotErrors {
          plot
          revision
          message
        }
      }
    }
  }
}
    `),Vn=new P(`
    query MetricHistory($id: ID!, $name: String!, $maxPoints: Int!) {
  node(id: $id) {
    ... on Experiment {
      metricHistory(name: $name, maxPoints: $maxPoints) {
        name
        steps
        values
        total
      }
    }
  }
}
    `),Fn=new P(`
    subscription RunMetrics($projectId: ID!, $experimentId: ID!, $sinceStep: Int) {
  liveMetrics(
    projectId: $projectId
    experimentId: $experimentId
    sinceStep: $sinceStep
  ) {
    type
    step
    metrics
    plotRows
    experimentId
  }
}
    `),Gn=new P(`
    query ModelPage($project: String!, $model: String!) {
  project(name: $project) {
    id
    name
    repoUrl
    defaultBranch
    model(name: $model) {
      ...ModelFields
    }
  }
}
    fragment ModelFields on Model {
  name
  type
  description
  labels
  path
  declaredIn
  registered
  deprecated
  registryError {
    code
    message
  }
  latestVersion {
    version
  }
  versions(includeInactive: true) {
    version
    commit
    tag
    author
    createdAt
    active
    registered
    discovered
    stages
  }
  stages {
    stage
    versions {
      version
    }
  }
  history {
    kind
    version
    stage
    commit
    tag
    author
    createdAt
    message
  }
}`),Wn=new P(`
    mutation RegisterVersion($input: RegisterModelVersionInput!) {
  registerModelVersion(input: $input) {
    tag
    model {
      ...ModelFields
    }
    errors {
      code
      message
    }
  }
}
    fragment ModelFields on Model {
  name
  type
  description
  labels
  path
  declaredIn
  registered
  deprecated
  registryError {
    code
    message
  }
  latestVersion {
    version
  }
  versions(includeInactive: true) {
    version
    commit
    tag
    author
    createdAt
    active
    registered
    discovered
    stages
  }
  stages {
    stage
    versions {
      version
    }
  }
  history {
    kind
    version
    stage
    commit
    tag
    author
    createdAt
    message
  }
}`),zn=new P(`
    mutation AssignStage($input: StageInput!) {
  assignStage(input: $input) {
    tag
    model {
      ...ModelFields
    }
    errors {
      code
      message
    }
  }
}
    fragment ModelFields on Model {
  name
  type
  description
  labels
  path
  declaredIn
  registered
  deprecated
  registryError {
    code
    message
  }
  latestVersion {
    version
  }
  versions(includeInactive: true) {
    version
    commit
    tag
    author
    createdAt
    active
    registered
    discovered
    stages
  }
  stages {
    stage
    versions {
      version
    }
  }
  history {
    kind
    version
    stage
    commit
    tag
    author
    createdAt
    message
  }
}`),Jn=new P(`
    mutation UnassignStage($input: StageInput!) {
  unassignStage(input: $input) {
    tag
    model {
      ...ModelFields
    }
    errors {
      code
      message
    }
  }
}
    fragment ModelFields on Model {
  name
  type
  description
  labels
  path
  declaredIn
  registered
  deprecated
  registryError {
    code
    message
  }
  latestVersion {
    version
  }
  versions(includeInactive: true) {
    version
    commit
    tag
    author
    createdAt
    active
    registered
    discovered
    stages
  }
  stages {
    stage
    versions {
      version
    }
  }
  history {
    kind
    version
    stage
    commit
    tag
    author
    createdAt
    message
  }
}`),Xn=new P(`
    mutation DeprecateModel($input: DeprecateModelInput!) {
  deprecateModel(input: $input) {
    tag
    model {
      ...ModelFields
    }
    errors {
      code
      message
    }
  }
}
    fragment ModelFields on Model {
  name
  type
  description
  labels
  path
  declaredIn
  registered
  deprecated
  registryError {
    code
    message
  }
  latestVersion {
    version
  }
  versions(includeInactive: true) {
    version
    commit
    tag
    author
    createdAt
    active
    registered
    discovered
    stages
  }
  stages {
    stage
    versions {
      version
    }
  }
  history {
    kind
    version
    stage
    commit
    tag
    author
    createdAt
    message
  }
}`),Kn=new P(`
    query ModelsDashboard($after: String, $filter: ModelFilter) {
  models(first: 100, after: $after, filter: $filter) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      name
      type
      description
      labels
      path
      registered
      deprecated
      registryError {
        code
        message
      }
      latestVersion {
        version
        createdAt
      }
      stages {
        stage
        versions {
          version
        }
      }
      project {
        id
        name
      }
    }
  }
}
    `),Qn=new P(`
    query ProjectsDashboard($after: String) {
  projects(first: 50, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      id
      databaseId
      name
      repoUrl
      visibility
      defaultBranch
      lastSyncedAt
      lastSyncError
      syncState
      rows: experiments(first: 1) {
        totalCount
      }
      commits: experiments(first: 1, filter: {kinds: [COMMIT]}) {
        totalCount
      }
      running: experiments(first: 5, filter: {kinds: [LIVE], statuses: [RUNNING]}) {
        totalCount
        nodes {
          id
          name
          lastStep
          lastEventAt
        }
      }
    }
  }
}
    `),Yn=new P(`
    query RowParams($id: ID!) {
  node(id: $id) {
    ... on Experiment {
      id
      sha
      params
      commit {
        sha
        branches
      }
    }
  }
}
    `),Zn=new P(`
    mutation RunExperiment($input: RunExperimentInput!) {
  runExperiment(input: $input) {
    commit {
      sha
    }
    branch
    pullRequest {
      number
      url
    }
    errors {
      code
      message
      field
    }
  }
}
    `),er=new P(`
    query PullRequests($projectId: ID!, $state: PullRequestState) {
  node(id: $projectId) {
    ... on Project {
      pullRequests(state: $state) {
        id
        number
        title
        sourceBranch
        targetBranch
        state
        url
        forge
        createdBy
        createdAt
        mergeable
        conflicts
      }
    }
  }
}
    `),tr=new P(`
    mutation MergePullRequest($input: MergePullRequestInput!) {
  mergePullRequest(input: $input) {
    pullRequest {
      id
      state
      mergeSha
    }
    errors {
      code
      message
    }
  }
}
    `),nr=new P(`
    mutation ClosePullRequest($input: ClosePullRequestInput!) {
  closePullRequest(input: $input) {
    pullRequest {
      id
      state
    }
    errors {
      code
      message
    }
  }
}
    `),rr=new P(`
    query TableProject($name: String!, $includeHidden: Boolean!) {
  project(name: $name) {
    id
    databaseId
    name
    defaultBranch
    visibility
    syncState
    lastSyncedAt
    lastSyncError
    branches(includeHidden: $includeHidden) {
      name
      folded
      hidden
      ownCommits
    }
    tags {
      name
    }
    columns {
      id
      kind
      file
      path
      type
    }
    columnGoals {
      column
      goal
    }
    views {
      ...ViewFields
    }
  }
}
    fragment ViewFields on View {
  id
  name
  shared
  owner
  columns
  filter
  order
  includeHidden
  baseline {
    id
  }
}`),sr=new P(`
    query ViewGoals($projectId: ID!, $name: String!) {
  node(id: $projectId) {
    ... on Project {
      view(name: $name) {
        id
        goals {
          column
          goal
        }
      }
    }
  }
}
    `),or=new P(`
    query BaselineRow($id: ID!, $columns: [String!]) {
  node(id: $id) {
    ... on Experiment {
      ...RowFields
    }
  }
}
    fragment RowFields on Experiment {
  id
  databaseId
  kind
  name
  status
  sha
  baselineSha
  message
  createdAt
  author {
    name
  }
  hidden
  autoHidden
  detached
  tags
  ref
  lastStep
  lastEventAt
  values(columns: $columns) {
    column
    value
  }
}`),ir=new P(`
    query TableRows($projectId: ID!, $filter: ExperimentFilter, $orderBy: [ExperimentOrder!], $first: Int!, $after: String, $columns: [String!]) {
  node(id: $projectId) {
    ... on Project {
      experiments(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          ...RowFields
          commit {
            committedAt
            branches
          }
        }
      }
    }
  }
}
    fragment RowFields on Experiment {
  id
  databaseId
  kind
  name
  status
  sha
  baselineSha
  message
  createdAt
  author {
    name
  }
  hidden
  autoHidden
  detached
  tags
  ref
  lastStep
  lastEventAt
  values(columns: $columns) {
    column
    value
  }
}`),lr=new P(`
    query TableRowsNested($projectId: ID!, $filter: ExperimentFilter, $orderBy: [ExperimentOrder!], $first: Int!, $after: String, $columns: [String!]) {
  node(id: $projectId) {
    ... on Project {
      experiments(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          ...RowFields
          commit {
            committedAt
            branches
            experiments {
              ...RowFields
            }
          }
        }
      }
    }
  }
}
    fragment RowFields on Experiment {
  id
  databaseId
  kind
  name
  status
  sha
  baselineSha
  message
  createdAt
  author {
    name
  }
  hidden
  autoHidden
  detached
  tags
  ref
  lastStep
  lastEventAt
  values(columns: $columns) {
    column
    value
  }
}`),ar=new P(`
    mutation HideRows($input: HideRowsInput!) {
  hideRows(input: $input) {
    experiments {
      id
      hidden
      autoHidden
    }
    branches {
      name
      hidden
    }
    errors {
      code
      message
    }
  }
}
    `),cr=new P(`
    mutation UnhideRows($input: HideRowsInput!) {
  unhideRows(input: $input) {
    experiments {
      id
      hidden
      autoHidden
    }
    branches {
      name
      hidden
    }
    errors {
      code
      message
    }
  }
}
    `),dr=new P(`
    mutation SaveView($input: SaveViewInput!) {
  saveView(input: $input) {
    view {
      ...ViewFields
    }
    errors {
      code
      message
    }
  }
}
    fragment ViewFields on View {
  id
  name
  shared
  owner
  columns
  filter
  order
  includeHidden
  baseline {
    id
  }
}`),ur=new P(`
    mutation DeleteView($input: DeleteViewInput!) {
  deleteView(input: $input) {
    deletedId
    errors {
      code
      message
    }
  }
}
    `),hr=new P(`
    mutation SetColumnGoal($input: SetColumnGoalInput!) {
  setColumnGoal(input: $input) {
    columnGoal {
      column
      goal
    }
    errors {
      code
      message
    }
  }
}
    `),mr=new P(`
    subscription TableExperimentEvents($projectId: ID!, $columns: [String!]) {
  experimentEvents(projectId: $projectId) {
    change
    experimentId
    experiment {
      ...RowFields
    }
  }
}
    fragment RowFields on Experiment {
  id
  databaseId
  kind
  name
  status
  sha
  baselineSha
  message
  createdAt
  author {
    name
  }
  hidden
  autoHidden
  detached
  tags
  ref
  lastStep
  lastEventAt
  values(columns: $columns) {
    column
    value
  }
}`),pr=new P(`
    subscription TableLiveMetrics($projectId: ID!, $columns: [String!]) {
  liveMetrics(projectId: $projectId) {
    type
    step
    experimentId
    experiment {
      ...RowFields
    }
  }
}
    fragment RowFields on Experiment {
  id
  databaseId
  kind
  name
  status
  sha
  baselineSha
  message
  createdAt
  author {
    name
  }
  hidden
  autoHidden
  detached
  tags
  ref
  lastStep
  lastEventAt
  values(columns: $columns) {
    column
    value
  }
}`),fr=new P(`
    query MyTokens {
  me {
    name
    tokens {
      id
      name
      prefix
      scopes
      createdAt
      lastUsedAt
      projects
    }
  }
}
    `),gr=new P(`
    mutation CreateToken($input: CreateAccessTokenInput!) {
  createAccessToken(input: $input) {
    token
    accessToken {
      id
      name
    }
    errors {
      code
      message
    }
  }
}
    `),yr=new P(`
    mutation RevokeToken($id: ID!) {
  revokeAccessToken(id: $id) {
    accessToken {
      id
      revokedAt
    }
    errors {
      code
      message
    }
  }
}
    `),_r=new P(`
    query Trends($projectId: ID!, $branch: String!, $columns: [String!]!, $first: Int!) {
  node(id: $projectId) {
    ... on Project {
      trends(branch: $branch, columns: $columns, first: $first) {
        sha
        values
        committedAt
        message
      }
    }
  }
}
    `);function Se(e){F(()=>{document.title=e?`${e} · gitstudio`:"gitstudio"},[e])}function br(){return Se("Not found"),n("section",{children:[n("h1",{children:"Not found"}),n("p",{children:["No page here. ",n("a",{href:"/",children:"All projects"})]})]})}function dn(e){return n("div",{class:"notice",role:"alert","data-testid":"sign-in-needed",children:e.signedIn?n("p",{children:[e.what," does not exist or you may not read it."]}):n("p",{children:[e.what," is not public. ",n("a",{href:Ae(),children:"Sign in"})," to see it."]})})}function je(e){const t=e.error instanceof Error?e.error.message:String(e.error);return n("div",{class:"notice error",role:"alert",children:n("p",{children:t})})}const wr=15e3;function vr(e){Se("Projects");const[t,r]=v(null),[s,i]=v(0),[l,d]=v(null),[a,u]=v(null);return F(()=>{let c=!1;const h=async()=>{try{const o=[];let p=null,m=0,w=!1;for(let S=0;S<20;S++){const f=await q(Qn,{after:p});if(o.push(...f.projects.nodes),m=f.projects.totalCount,w=f.projects.pageInfo.hasNextPage,p=f.projects.pageInfo.endCursor,!w)break}if(c)return;r(o),i(m),d(w?p:null),u(null)}catch(o){c||u(o)}};h();const g=setInterval(()=>{h()},wr);return()=>{c=!0,clearInterval(g)}},[]),n("section",{"aria-labelledby":"projects-title",children:[n("h1",{id:"projects-title",children:"Projects"}),a?n(je,{error:a}):null,e.session?null:n("p",{class:"muted",children:["Signed out: only public projects are listed. ",n("a",{href:Ae("/"),children:"Sign in"})," to see yours."]}),t===null?n("p",{class:"muted",children:"Loading projects…"}):t.length===0?n("p",{children:"No projects yet. Add one with the createProject mutation or `gitstudio project add`."}):n(ne,{children:[n("table",{class:"projects","data-testid":"projects",children:[n("caption",{class:"sr-only",children:[s," projects"]}),n("thead",{children:n("tr",{children:[n("th",{scope:"col",children:"Project"}),n("th",{scope:"col",children:"Last sync"}),n("th",{scope:"col",children:"State"}),n("th",{scope:"col",class:"num",children:"Commits"}),n("th",{scope:"col",class:"num",children:"Rows"}),n("th",{scope:"col",children:"Running live experiments"})]})}),n("tbody",{children:t.map(c=>n("tr",{"data-testid":"project","data-project":c.name,children:[n("th",{scope:"row",children:[n("a",{href:Ge(c.name),children:c.name}),n("div",{class:"muted small",title:c.repoUrl,children:[c.visibility.toLowerCase()," · ",c.defaultBranch??"no default branch"]})]}),n("td",{title:ie(c.lastSyncedAt),children:Rt(c.lastSyncedAt)}),n("td",{children:[n("span",{class:`badge sync-${c.syncState.toLowerCase()}`,children:c.syncState.toLowerCase()}),c.lastSyncError?n("div",{class:"sync-error","data-testid":"sync-error",children:c.lastSyncError}):null]}),n("td",{class:"num",children:c.commits.totalCount}),n("td",{class:"num","data-testid":"row-count",children:c.rows.totalCount}),n("td",{"data-testid":"running",children:c.running.totalCount===0?n("span",{class:"muted",children:"none"}):n("ul",{class:"running",children:[c.running.nodes.map(h=>n("li",{children:[n("span",{class:"live-dot","aria-hidden":"true"}),h.name??h.id," · step ",h.lastStep??0," · ",Rt(h.lastEventAt)]},h.id)),c.running.totalCount>c.running.nodes.length?n("li",{class:"muted",children:["and ",c.running.totalCount-c.running.nodes.length," more"]}):null]})})]},c.id))})]}),l?n("p",{class:"muted",children:["Showing the first ",t.length," of ",s," projects."]}):null]})]})}const Sr=(function(){const t=typeof document<"u"&&document.createElement("link").relList;return t&&t.supports&&t.supports("modulepreload")?"modulepreload":"preload"})(),kr=function(e){return"/"+e},At={},jt=function(t,r,s){let i=Promise.resolve();if(r&&r.length>0){let c=function(h){return Promise.all(h.map(g=>Promise.resolve(g).then(o=>({status:"fulfilled",value:o}),o=>({status:"rejected",reason:o}))))};var d=c;document.getElementsByTagName("link");const a=document.querySelector("meta[property=csp-nonce]"),u=a?.nonce||a?.getAttribute("nonce");i=c(r.map(h=>{if(h=kr(h),h in At)return;At[h]=!0;const g=h.endsWith(".css"),o=g?'[rel="stylesheet"]':"";if(document.querySelector(`link[href="${h}"]${o}`))return;const p=document.createElement("link");if(p.rel=g?"stylesheet":Sr,g||(p.as="script"),p.crossOrigin="",p.href=h,u&&p.setAttribute("nonce",u),document.head.appendChild(p),g)return new Promise((m,w)=>{p.addEventListener("load",m),p.addEventListener("error",()=>w(new Error(`Unable to preload CSS for ${h}`)))})}))}function l(a){const u=new Event("vite:preloadError",{cancelable:!0});if(u.payload=a,window.dispatchEvent(u),!u.defaultPrevented)throw a}return i.then(a=>{for(const u of a||[])u.status==="rejected"&&l(u.reason);return t().catch(l)})};async function un(e,t){const[{default:r},{expressionInterpreter:s}]=await Promise.all([jt(()=>import("./embed-ji_c-7H5.js"),__vite__mapDeps([0,1])),jt(()=>import("./vega-interpreter-BmnYaw1U.js").then(l=>l.v),[])]),i=await r(e,t,{ast:!0,expr:s,actions:!1,defaultStyle:!1,renderer:"canvas",tooltip:{disableDefaultStyle:!0}});return{finalize:()=>i.finalize(),insert:async(l,d)=>{await i.view.insert(l,d).runAsync()}}}function $r(e,t){return{$schema:"https://vega.github.io/schema/vega-lite/v6.json",title:e,width:360,height:200,data:{name:"points",values:t},mark:{type:"line",point:!0,tooltip:!0},encoding:{x:{field:"step",type:"quantitative",title:"step"},y:{field:"value",type:"quantitative",title:e,scale:{zero:!1}},color:{field:"rev",type:"nominal",title:"row"}}}}const Ir="plot_rows";function Qe(e){return typeof e=="object"&&e!==null&&!Array.isArray(e)}function Er(e){if(!Qe(e))return null;const t=e.data;if(Qe(t)&&Array.isArray(t.values)){const r=typeof t.name=="string"&&t.name?t.name:Ir;return{spec:{...e,data:{...t,name:r}},dataset:r,rows:t.values}}if(Array.isArray(t)){for(const r of t)if(Qe(r)&&typeof r.name=="string"&&Array.isArray(r.values))return{spec:e,dataset:r.name,rows:r.values}}return null}const xr=2e4;function Mt(e){return typeof e=="object"&&e!==null&&!Array.isArray(e)}class Cr{kept=[];listeners=new Set;listen(t){for(const r of this.kept)t(r);return this.listeners.add(t),()=>{this.listeners.delete(t)}}follow(t,r,s){return it(Fn,{projectId:t,experimentId:r,sinceStep:s},i=>{const l=i.liveMetrics;if(l.type!=="DATA"||l.step===null)return;const d={};if(Mt(l.plotRows))for(const[a,u]of Object.entries(l.plotRows))Array.isArray(u)&&(d[a]=u);this.emit({rowId:r,step:l.step,metrics:Mt(l.metrics)?l.metrics:{},plotRows:d})})}emit(t){this.kept.length>=xr&&this.kept.shift(),this.kept.push(t);for(const r of this.listeners)r(t)}}const Tr=12,Rr=500;function Ar(e){const t=[...new Set(e.rows.flatMap(s=>s.metricNames))].sort().slice(0,Tr),r=e.rows.map(s=>s.id).join(",");return t.length===0?null:n("div",{class:"plots","data-testid":"metric-charts",children:t.map(s=>n(jr,{name:s,rows:e.rows.filter(i=>i.metricNames.includes(s)),feed:e.feed},`${r}:${s}`))})}function jr(e){const t=Re(null),[r,s]=v(0),[i,l]=v(null);return F(()=>{const d=t.current;if(!d)return;const a={stopped:!1},u=()=>a.stopped;let c=null,h=()=>{};const g=new Map;let o=0;return(async()=>{const w=(await Promise.all(e.rows.map(async f=>{const $=(await q(Vn,{id:f.id,name:e.name,maxPoints:Rr})).node,k=$&&"metricHistory"in $?$.metricHistory:null,x=[];return k&&k.steps.forEach((E,O)=>{const M=k.values[O];typeof M=="number"&&x.push({rev:f.label,step:E,value:M})}),x}))).flat();for(const f of w)g.set(f.rev,Math.max(g.get(f.rev)??-1,f.step));if(u())return;if(c=await un(d,$r(e.name,w)),u()){c.finalize();return}o=w.length,s(o);const S=new Map(e.rows.filter(f=>f.live).map(f=>[f.id,f.label]));h=e.feed.listen(f=>{const b=S.get(f.rowId),$=f.metrics[e.name];b===void 0||typeof $!="number"||(g.get(b)??-1)>=f.step||(g.set(b,f.step),o+=1,s(o),c?.insert("points",[{rev:b,step:f.step,value:$}]))})})().catch(m=>l(m instanceof Error?m.message:String(m))),()=>{a.stopped=!0,h(),c?.finalize()}},[]),n("figure",{class:"plot","data-testid":"metric-chart","data-metric":e.name,"data-points":r,children:[n("figcaption",{children:e.name}),n("div",{ref:t,class:"chart"}),i?n("p",{class:"sync-error",children:i}):null]})}function Mr(e){const[t,r]=v(null),[s,i]=v(null),[l,d]=v(!0),a=e.ids.join(",");F(()=>{let o=!1;return r(null),q(Un,{projectId:e.projectId,ids:e.ids,baseline:e.baselineId}).then(p=>{const m=p.node;!o&&m&&"compare"in m&&r(m.compare)}).catch(p=>{o||i(p instanceof Error?p.message:String(p))}),()=>{o=!0}},[e.projectId,a,e.baselineId]);const u=ve(()=>new Cr,[t]);F(()=>{if(!t)return;const o=t.experiments.filter(p=>p.kind==="LIVE"&&(p.status==="RUNNING"||p.status==="QUEUED")).map(p=>u.follow(e.projectId,p.id,p.lastStep===null?null:p.lastStep-1));return()=>{for(const p of o)p()}},[u]);const c=t?.experiments.some(o=>o.kind==="LIVE"&&(o.status==="RUNNING"||o.status==="QUEUED"))??!1,h=new Set(t?.differing??[]),g=t?t.rows.filter(o=>!l||h.has(o.column)):[];return n("section",{class:"compare","aria-labelledby":"compare-title","data-testid":"compare-panel",children:[n("div",{class:"compare-head",children:[n("h2",{id:"compare-title",children:["Compare ",e.ids.length," rows"]}),n("label",{children:[n("input",{type:"checkbox",checked:l,onChange:o=>d(o.currentTarget.checked)})," only columns that differ"]}),n("button",{type:"button",onClick:e.onClose,children:"Close compare"})]}),s?n("p",{class:"sync-error",children:s}):null,!t&&!s?n("p",{class:"muted",children:"Loading…"}):null,t?n(ne,{children:[n("div",{class:"compare-table-wrap",children:n("table",{class:"compare-table",children:[n("thead",{children:n("tr",{children:[n("th",{scope:"col",children:"Column"}),t.experiments.map(o=>n("th",{scope:"col",children:o.name??o.sha?.slice(0,7)??o.id},o.id))]})}),n("tbody",{children:g.map(o=>n("tr",{children:[n("th",{scope:"row",title:o.column,children:o.column}),o.values.map((p,m)=>{const w=o.deltas[m],S=o.better[m];return n("td",{class:`num ${S===!0?"better":S===!1?"worse":""}`,children:[We(p),w!=null&&w!==0?n("span",{class:"delta",children:[" (",at(w),")"]}):null]},m)})]},o.column))})]})}),n(Ar,{feed:u,rows:t.experiments.map(o=>({id:o.id,label:o.name??o.sha?.slice(0,7)??o.id,live:o.kind==="LIVE"&&(o.status==="RUNNING"||o.status==="QUEUED"),metricNames:o.metricNames}))}),n("div",{class:"plots","data-testid":"plots",children:[t.plots.map(o=>n(Pr,{plot:o,feed:c?u:null},o.id)),t.plots.length===0?n("p",{class:"muted",children:"These rows have no plots."}):null]}),t.plotErrors.length?n("ul",{class:"plot-errors",children:t.plotErrors.map((o,p)=>n("li",{class:"sync-error",children:[o.revision,": ",o.plot??"all plots",": ",o.message]},p))}):null]}):null]})}function Pr(e){const{plot:t}=e,[r,s]=v(null);return t.kind==="IMAGE"?n(Dr,{plot:t}):n("figure",{class:"plot","data-testid":"plot","data-plot":t.id,"data-rows":r??void 0,children:[n("figcaption",{children:t.id}),n(hn,{spec:t.spec,live:e.feed?{feed:e.feed,plot:t.id,onRows:s}:null})]})}function Nr(e){const t=new Map;for(const r of e){if(typeof r!="object"||r===null)continue;const{rev:s,step:i}=r;typeof i=="number"&&t.set(s,Math.max(t.get(s)??-1/0,i))}return t}function Dr(e){const{plot:t}=e,r=[...new Set(t.images.map(u=>u.step).filter(u=>u!==null))].sort((u,c)=>u-c),[s,i]=v(r.length-1),l=r[Math.min(Math.max(s,0),r.length-1)],a=[...new Set(t.images.map(u=>u.revision))].map(u=>{const c=t.images.filter(g=>g.revision===u);if(l===void 0)return c[c.length-1];const h=c.filter(g=>g.step===null||g.step<=l);return h[h.length-1]??c[0]}).filter(u=>u!==void 0);return n("figure",{class:"plot","data-testid":"plot","data-plot":t.id,children:[n("figcaption",{children:t.id}),r.length>1?n("label",{class:"step-slider",children:["Step ",l,n("input",{type:"range",min:0,max:r.length-1,value:s,onInput:u=>i(Number(u.currentTarget.value)),"data-testid":"step-slider"})]}):null,n("div",{class:"images",children:a.map(u=>n("img",{src:u.url,alt:`${t.id} of ${u.revision}${u.step!==null?` at step ${u.step}`:""}`,loading:"lazy"},u.url))})]})}function hn(e){const t=Re(null),[r,s]=v("loading"),i=e.live??null;return F(()=>{const l=t.current;if(!l||e.spec==null)return;let d=null,a=!1,u=()=>{};const c=i?Er(e.spec):null;return un(l,c?c.spec:e.spec).then(h=>{if(a){h.finalize();return}if(d=h,s("ready"),!i||!c)return;const g=Nr(c.rows);let o=c.rows.length;i.onRows(o),u=i.feed.listen(p=>{const m=(p.plotRows[i.plot]??[]).filter(w=>{if(typeof w!="object"||w===null)return!1;const{rev:S}=w,f=g.get(S);return f===void 0||p.step>f});if(m.length!==0){for(const w of m)g.set(w.rev,p.step);o+=m.length,i.onRows(o),h.insert(c.dataset,m)}})}).catch(h=>s(h instanceof Error?h.message:String(h))),()=>{a=!0,u(),d?.finalize()}},[e.spec,i?.feed]),n("div",{class:"chart-wrap","data-state":r==="loading"||r==="ready"?r:"error",children:[n("div",{ref:t,class:"chart","data-testid":"chart"}),r!=="loading"&&r!=="ready"?n("p",{class:"sync-error",children:r}):null]})}const Or=[{op:"EQ",label:"="},{op:"NE",label:"≠"},{op:"GT",label:">"},{op:"GTE",label:"≥"},{op:"LT",label:"<"},{op:"LTE",label:"≤"},{op:"CONTAINS",label:"contains"},{op:"EXISTS",label:"exists"}],Hr=[{field:"BRANCH",label:"Branch"},{field:"AUTHOR",label:"Author"},{field:"MESSAGE",label:"Message"},{field:"COMMITTED_AT",label:"Created"}],Lr={branch:"",onBranch:"",tag:"",detached:"",author:"",message:""};function mn(e){const t=e.filter(s=>s.kind==="METRIC").map(s=>s.id),r=e.filter(s=>s.kind==="PARAM").map(s=>s.id);return t.length+r.length<=40?[...t,...r]:[...t.slice(0,20),...r.slice(0,20)]}function Ye(e){return{columns:mn(e.columns),sort:null,git:{...Lr},conditions:[],showHidden:!1,groupByBranch:!0,baselineId:null,baseline:null,deltas:!1,viewGoals:{},view:null}}function we(e){const t={},r=e.git;r.branch&&(t.branch=r.branch),r.onBranch&&(t.onBranch=r.onBranch),r.tag&&(t.tag=r.tag),r.detached&&(t.detached=r.detached==="only"),r.author.trim()&&(t.author=r.author.trim()),r.message.trim()&&(t.message=r.message.trim());const s=e.conditions.filter(i=>i.column);return s.length&&(t.columns=s),e.showHidden&&(t.includeHidden=!0),t}function xe(e){return e?e.key.startsWith("field:")?[{field:e.key.slice(6),direction:e.direction}]:[{column:e.key,direction:e.direction}]:null}function Pt(e){return(e.sort===null||e.sort.key==="field:COMMITTED_AT")&&e.conditions.length===0&&!e.git.author.trim()&&!e.git.message.trim()}function $e(e){return typeof e=="string"?e:""}function Ze(e,t,r,s=[]){const i=new Set(t.columns.map(o=>o.id)),l=e.filter??{},a=(Array.isArray(e.order)?e.order:[])[0];let u=null;if(a){const o=a.direction==="ASC"?"ASC":"DESC";typeof a.column=="string"&&a.column?u={key:a.column,direction:o}:typeof a.field=="string"&&a.field&&(u={key:"field:"+a.field,direction:o})}const c=l.detached===!0?"only":l.detached===!1?"none":"",h={};for(const o of s)o.goal&&(h[o.column]=o.goal);const g=e.columns.filter(o=>i.has(o));return{...r,columns:g.length?g:mn(t.columns),sort:u,git:{branch:$e(l.branch),onBranch:$e(l.onBranch),tag:$e(l.tag),detached:c,author:$e(l.author),message:$e(l.message)},conditions:Array.isArray(l.columns)?l.columns:[],showHidden:e.includeHidden,baselineId:e.baseline?.id??null,baseline:null,deltas:r.deltas&&e.baseline!==null,viewGoals:h,view:e.name}}function qr(e,t){const r=new Map;for(const s of e.columnGoals)s.goal&&r.set(s.column,s.goal);for(const[s,i]of Object.entries(t.viewGoals))r.set(s,i);return r}function pn(e){const t=e.trim();if(t==="")return null;try{return JSON.parse(t)}catch{return t}}function Br(e,t){const r=new URLSearchParams;r.set("filter",JSON.stringify(we(t)));const s=xe(t.sort);s&&r.set("orderBy",JSON.stringify(s));for(const i of t.columns)r.append("columns",i);return`/api/projects/${e}/experiments.csv?${r.toString()}`}function Nt(e){return{columns:e.columns,filter:we(e),order:xe(e.sort)??[],includeHidden:e.showHidden,baseline:e.baselineId?{id:e.baselineId}:null}}function Ur(e){if(!e)return null;let t;try{t=JSON.parse(e)}catch{return null}if(typeof t!="object"||t===null||Array.isArray(t))return null;const r=t,s=Array.isArray(r.columns)?r.columns.filter(d=>typeof d=="string"):[],i=typeof r.filter=="object"&&r.filter!==null&&!Array.isArray(r.filter)?r.filter:{},l=r.baseline;return{id:"",name:"",shared:!1,owner:null,columns:s,filter:i,order:Array.isArray(r.order)?r.order.filter(d=>typeof d=="object"&&d!==null):[],includeHidden:r.includeHidden===!0,baseline:l&&typeof l.id=="string"?{id:l.id}:null}}function et(e){const[t,r]=v(e.value);return F(()=>{r(e.value)},[e.value]),n("input",{type:e.type,value:t,onInput:s=>r(s.currentTarget.value),onChange:s=>e.commit(s.currentTarget.value)})}function Vr(e){const{project:t,state:r,update:s}=e,i=c=>s({git:{...r.git,...c}}),l=t.branches.filter(c=>r.showHidden||!c.hidden),d=r.conditions,a=(c,h)=>s({conditions:d.map((g,o)=>o===c?{...g,...h}:g)}),u=d.length+Object.values(r.git).filter(c=>c!=="").length;return n("details",{class:"panel","data-testid":"filters",children:[n("summary",{children:["Filters",u?` (${u})`:""]}),n("div",{class:"panel-body",children:[n("fieldset",{children:[n("legend",{children:"Git"}),n("label",{children:["Branch",n("select",{value:r.git.branch,onChange:c=>i({branch:c.currentTarget.value}),"data-testid":"filter-branch",children:[n("option",{value:"",children:"any"}),l.map(c=>n("option",{value:c.name,children:c.name},c.name))]})]}),n("label",{children:["Commits on branch",n("select",{value:r.git.onBranch,onChange:c=>i({onBranch:c.currentTarget.value}),children:[n("option",{value:"",children:"any"}),l.map(c=>n("option",{value:c.name,children:c.name},c.name))]})]}),n("label",{children:["Tag",n("select",{value:r.git.tag,onChange:c=>i({tag:c.currentTarget.value}),children:[n("option",{value:"",children:"any"}),t.tags.map(c=>n("option",{value:c.name,children:c.name},c.name))]})]}),n("label",{children:["Detached",n("select",{value:r.git.detached,onChange:c=>i({detached:c.currentTarget.value}),children:[n("option",{value:"",children:"shown"}),n("option",{value:"only",children:"only"}),n("option",{value:"none",children:"left out"})]})]}),n("label",{children:["Author",n(et,{type:"search",value:r.git.author,commit:c=>i({author:c})})]}),n("label",{children:["Message",n(et,{type:"search",value:r.git.message,commit:c=>i({message:c})})]})]}),n("fieldset",{children:[n("legend",{children:"Values"}),d.map((c,h)=>n("div",{class:"condition","data-testid":"condition",children:[n("label",{children:[n("span",{class:"sr-only",children:["Column of condition ",h+1]}),n("select",{value:c.column,onChange:g=>a(h,{column:g.currentTarget.value}),children:t.columns.map(g=>n("option",{value:g.id,children:g.id},g.id))})]}),n("label",{children:[n("span",{class:"sr-only",children:["Operator of condition ",h+1]}),n("select",{value:c.op,onChange:g=>a(h,{op:g.currentTarget.value}),children:Or.map(g=>n("option",{value:g.op,children:g.label},g.op))})]}),c.op!=="EXISTS"?n("label",{children:[n("span",{class:"sr-only",children:["Value of condition ",h+1]}),n(et,{type:"text",value:c.value===null||c.value===void 0?"":typeof c.value=="string"?c.value:JSON.stringify(c.value),commit:g=>a(h,{value:pn(g)})})]}):null,n("button",{type:"button","aria-label":`Remove condition ${h+1}`,onClick:()=>s({conditions:d.filter((g,o)=>o!==h)}),children:"✕"})]},h)),n("button",{type:"button",disabled:t.columns.length===0,onClick:()=>{const c=t.columns.find(h=>h.kind==="METRIC")??t.columns[0];c&&s({conditions:[...d,{column:c.id,op:"GT",value:null}]})},children:"Add condition"})]}),u?n("button",{type:"button",onClick:()=>s({conditions:[],git:{branch:"",onBranch:"",tag:"",detached:"",author:"",message:""}}),children:"Clear filters"}):null]})]})}function Fr(e){const{project:t,state:r,update:s}=e,[i,l]=v(""),d=new Set(r.columns),a=new Map(t.columnGoals.map(m=>[m.column,m.goal])),u=(m,w)=>{const S=[...r.columns],f=S.indexOf(m),b=f+w;f<0||b<0||b>=S.length||([S[f],S[b]]=[S[b],S[f]],s({columns:S}))},c=(m,w)=>s({columns:w?[...r.columns,m]:r.columns.filter(S=>S!==m)}),h=(m,w)=>{const S={};for(const[f,b]of Object.entries(r.viewGoals))f!==m&&(S[f]=b);(w==="HIGHER"||w==="LOWER")&&(S[m]=w),s({viewGoals:S})},g=i.trim().toLowerCase(),o=new Map(t.columns.map(m=>[m.id,m])),p=[...r.columns.map(m=>o.get(m)).filter(m=>m!==void 0),...t.columns.filter(m=>!d.has(m.id))].filter(m=>!g||m.id.toLowerCase().includes(g));return n("details",{class:"panel","data-testid":"columns-chooser",children:[n("summary",{children:["Columns (",r.columns.length,"/",t.columns.length,")"]}),n("div",{class:"panel-body columns-body",children:[n("div",{class:"row-controls",children:[n("label",{children:["Find",n("input",{type:"search",value:i,onInput:m=>l(m.currentTarget.value)})]}),n("button",{type:"button",onClick:()=>s({columns:t.columns.map(m=>m.id)}),children:"Show all"}),n("button",{type:"button",onClick:()=>s({columns:[]}),children:"Hide all"}),e.saveProjectGoals&&Object.keys(r.viewGoals).length?n("button",{type:"button",onClick:e.saveProjectGoals,"data-testid":"save-project-goals",children:"Make these goals the project's"}):null]}),n("ul",{class:"columns-list",children:p.map(m=>{const w=d.has(m.id),S=r.viewGoals[m.id]??"";return n("li",{"data-testid":"column-option","data-column":m.id,children:[n("label",{class:"grow",children:[n("input",{type:"checkbox",checked:w,onChange:f=>c(m.id,f.currentTarget.checked)}),n("span",{class:`kind kind-${m.kind.toLowerCase()}`,children:m.kind==="METRIC"?"M":"P"})," ",m.id]}),n("label",{children:[n("span",{class:"sr-only",children:["Goal of ",m.id]}),n("select",{value:S,onChange:f=>h(m.id,f.currentTarget.value),children:[n("option",{value:"",children:a.get(m.id)?`project: ${(a.get(m.id)??"").toLowerCase()}`:"no goal"}),n("option",{value:"HIGHER",children:"higher is better"}),n("option",{value:"LOWER",children:"lower is better"})]})]}),n("button",{type:"button",disabled:!w,"aria-label":`Move ${m.id} left`,onClick:()=>u(m.id,-1),children:"↑"}),n("button",{type:"button",disabled:!w,"aria-label":`Move ${m.id} right`,onClick:()=>u(m.id,1),children:"↓"})]},m.id)})})]})]})}function Gr(e){const[t,r]=v(""),[s,i]=v(!1),[l,d]=v(null),a=e.views.find(u=>u.name===e.current)??null;return n("div",{class:"views","data-testid":"views",children:[n("label",{children:["View",n("select",{value:e.current??"","data-testid":"view-select",onChange:u=>e.pick(u.currentTarget.value||null),children:[n("option",{value:"",children:"(none)"}),e.views.map(u=>n("option",{value:u.name,children:[u.name,u.shared?" (shared)":""]},u.id))]})]}),a?n("button",{type:"button",onClick:()=>{e.remove(a).then(d)},children:"Delete view"}):null,e.signedIn?n("form",{class:"save-view",onSubmit:u=>{u.preventDefault();const c=t.trim()||e.current||"";if(!c){d("Name the view");return}e.save(c,s).then(h=>{d(h??`Saved “${c}”`),h||r("")})},children:[n("label",{children:["Save as",n("input",{type:"text",value:t,placeholder:e.current??"view name",onInput:u=>r(u.currentTarget.value),"data-testid":"view-name"})]}),n("label",{children:[n("input",{type:"checkbox",checked:s,onChange:u=>i(u.currentTarget.checked)})," shared"]}),n("button",{type:"submit",children:"Save view"})]}):null,l?n("span",{class:"muted",role:"status",children:l}):null]})}function Wr(e){const t=[];if(typeof e!="object"||e===null)return t;for(const[r,s]of Object.entries(e)){const i=typeof s=="object"&&s!==null&&"data"in s?s.data:s,l=(d,a)=>{if(typeof d=="object"&&d!==null&&!Array.isArray(d))for(const[u,c]of Object.entries(d))l(c,a?`${a}.${u}`:u);else a&&t.push({file:r,path:a,value:d})};l(i,"")}return t}function Dt(e){return typeof e=="string"?e:We(e)}function zr(e){const[t,r]=v(null),[s,i]=v(""),[l,d]=v({}),[a,u]=v("BRANCH"),[c,h]=v(""),[g,o]=v(""),[p,m]=v(null),[w,S]=v(!1);F(()=>{q(Yn,{id:e.rowId}).then(k=>{const x=k.node;!x||!("params"in x)||(r(Wr(x.params)),i(x.commit?.sha??x.sha??""))}).catch(k=>m(k instanceof Error?k.message:String(k)))},[e.rowId]);const f=k=>`${k.file}\0${k.path}`,b=(t??[]).filter(k=>f(k)in l&&l[f(k)]!==Dt(k.value)).map(k=>({file:k.file,path:k.path,value:pn(l[f(k)]??"")})),$=async()=>{S(!0);try{const x=(await q(Zn,{input:{projectId:e.projectId,baseRev:s,paramChanges:b,target:a,branch:c.trim()||null,message:g.trim()||null}})).runExperiment,E=x.errors[0];if(E)m(`${E.code}: ${E.message}`);else{const O=x.pullRequest;m(`Committed ${x.commit?.sha.slice(0,7)??""}${x.branch?` on ${x.branch}`:""}${O?`, pull request #${O.number}`:""}`)}}catch(k){m(k instanceof Error?k.message:String(k))}finally{S(!1)}};return n("section",{class:"compare","aria-labelledby":"run-title","data-testid":"run-panel",children:[n("div",{class:"compare-head",children:[n("h2",{id:"run-title",children:["Run an experiment from ",e.label]}),n("button",{type:"button",onClick:e.onClose,children:"Close"})]}),t===null?n("p",{class:"muted",children:"Loading params…"}):null,t?n("form",{onSubmit:k=>{k.preventDefault(),$()},children:[n("div",{class:"params-grid",children:t.map(k=>n("label",{class:"param","data-testid":"param","data-file":k.file,"data-path":k.path,children:[n("span",{class:"muted small",children:k.file})," ",k.path,n("input",{type:"text",value:l[f(k)]??Dt(k.value),onInput:x=>d({...l,[f(k)]:x.currentTarget.value})})]},f(k)))}),n("fieldset",{children:[n("legend",{children:"Where the commit goes"}),n("label",{children:["Base",n("input",{type:"text",value:s,onInput:k=>i(k.currentTarget.value),required:!0})]}),n("label",{children:["Target",n("select",{value:a,onChange:k=>u(k.currentTarget.value),"data-testid":"run-target",children:[n("option",{value:"COMMIT",children:"commit onto the branch"}),n("option",{value:"BRANCH",children:"a new branch"}),n("option",{value:"PULL_REQUEST",children:"a new branch and a pull request"})]})]}),n("label",{children:["Branch",n("input",{type:"text",value:c,onInput:k=>h(k.currentTarget.value),"data-testid":"run-branch"})]}),n("label",{children:["Message",n("input",{type:"text",value:g,onInput:k=>o(k.currentTarget.value)})]}),n("button",{type:"submit",class:"primary",disabled:w||b.length===0,"data-testid":"run-submit",children:["Run (",b.length," changed)"]})]})]}):null,p?n("p",{class:"notice",role:"status","data-testid":"run-result",children:p}):null]})}function Jr(e){const[t,r]=v(null),[s,i]=v(null),l=async()=>{const u=(await q(er,{projectId:e.projectId,state:null})).node;r(u&&"pullRequests"in u?u.pullRequests:[])};F(()=>{l().catch(a=>i(a instanceof Error?a.message:String(a)))},[e.projectId]);const d=async(a,u)=>{try{const c={pullRequestId:a.id},g=(u?(await q(tr,{input:c})).mergePullRequest:(await q(nr,{input:c})).closePullRequest).errors[0];i(g?`${g.code}: ${g.message}`:`#${a.number} ${u?"merged":"closed"}`),await l()}catch(c){i(c instanceof Error?c.message:String(c))}};return n("section",{class:"compare","aria-labelledby":"prs-title","data-testid":"pull-requests",children:[n("div",{class:"compare-head",children:[n("h2",{id:"prs-title",children:"Pull requests"}),n("button",{type:"button",onClick:e.onClose,children:"Close"})]}),s?n("p",{class:"muted",role:"status",children:s}):null,t===null?n("p",{class:"muted",children:"Loading…"}):t.length===0?n("p",{class:"muted",children:"No pull requests."}):n("table",{class:"projects",children:[n("thead",{children:n("tr",{children:[n("th",{scope:"col",children:"#"}),n("th",{scope:"col",children:"Title"}),n("th",{scope:"col",children:"Branches"}),n("th",{scope:"col",children:"State"}),n("th",{scope:"col",children:"Opened"}),n("th",{scope:"col",children:n("span",{class:"sr-only",children:"Actions"})})]})}),n("tbody",{children:t.map(a=>n("tr",{"data-testid":"pull-request","data-number":a.number,children:[n("td",{children:a.url?n("a",{href:a.url,children:["#",a.number]}):`#${a.number}`}),n("th",{scope:"row",children:a.title}),n("td",{children:[a.sourceBranch," → ",a.targetBranch]}),n("td",{children:[a.state.toLowerCase(),a.state==="OPEN"&&a.mergeable===!1?` (conflicts: ${a.conflicts.join(", ")})`:""]}),n("td",{children:[ie(a.createdAt)," by ",a.createdBy]}),n("td",{children:a.state==="OPEN"&&a.forge===null?n(ne,{children:[n("button",{type:"button",disabled:a.mergeable===!1,onClick:()=>{d(a,!0)},children:["Merge #",a.number]})," ",n("button",{type:"button",onClick:()=>{d(a,!1)},children:["Close #",a.number]})]}):null})]},a.id))})]})]})}const Xr=200;function Kr(e){const{project:t}=e,r=t.columns.filter(o=>o.kind==="METRIC"&&o.type==="number"),s=t.branches.filter(o=>!o.hidden),[i,l]=v(t.defaultBranch??s[0]?.name??""),[d,a]=v(r[0]?.id??""),[u,c]=v(null),[h,g]=v(null);return F(()=>{if(!i||!d)return;let o=!1;return c(null),q(_r,{projectId:t.id,branch:i,columns:[d],first:Xr}).then(p=>{const m=p.node;if(o||!m||!("trends"in m))return;const w=m.trends.filter(S=>typeof S.values[0]=="number").map(S=>({committedAt:S.committedAt,value:S.values[0],sha:S.sha.slice(0,7),message:S.message}));c({$schema:"https://vega.github.io/schema/vega-lite/v6.json",title:`${He(d)} on ${i}`,width:560,height:220,data:{values:w},mark:{type:"line",point:!0,tooltip:!0},encoding:{x:{field:"committedAt",type:"temporal",title:"committed"},y:{field:"value",type:"quantitative",title:He(d),scale:{zero:!1}},tooltip:[{field:"sha",title:"commit"},{field:"message",title:"message"},{field:"value",title:He(d)}]}}),g(null)}).catch(p=>{o||g(p instanceof Error?p.message:String(p))}),()=>{o=!0}},[t.id,i,d]),n("section",{class:"compare","aria-labelledby":"trends-title","data-testid":"trends-panel",children:[n("div",{class:"compare-head",children:[n("h2",{id:"trends-title",children:"Trends"}),n("label",{children:["Branch",n("select",{value:i,onChange:o=>l(o.currentTarget.value),children:s.map(o=>n("option",{value:o.name,children:o.name},o.name))})]}),n("label",{children:["Metric",n("select",{value:d,onChange:o=>a(o.currentTarget.value),children:r.map(o=>n("option",{value:o.id,children:o.id},o.id))})]}),n("button",{type:"button",onClick:e.onClose,children:"Close trends"})]}),h?n("p",{class:"sync-error",children:h}):null,r.length===0?n("p",{class:"muted",children:"This project has no numeric metric."}):null,u?n(hn,{spec:u}):null]})}function Qr(e,t){switch(e.t){case"branch":return"b:"+e.seg.key;case"row":return e.seg.key+":"+e.row.id;case"child":return e.seg.key+":"+e.parent.id+":"+e.row.id;case"more":return`m:${e.seg.key}:${String(t)}`}}const Yr=9e4,Zr=500,es=20;function ts(e,t,r){const s=4+e,i=s+2+(t?1+es*s:0),l=Math.floor(Yr/i);return Math.max(5,Math.min(r?100:Zr,l))}function ns(e,t){const{commit:r,...s}=e,i={...s,committedAt:r?.committedAt,branches:r?.branches};return t&&e.kind==="COMMIT"&&(i.children=r?.experiments?[...r.experiments]:[]),i}class rs{query;segments;onChange;stopped=!1;itemsCache=null;rowItems=new WeakMap;placeholders=new Map;branchItems=new Map;ids=new Map;collapsedBranches;collapsedRows;includeHidden;constructor(t,r,s,i={branches:new Set,rows:new Set}){this.collapsedBranches=i.branches,this.collapsedRows=i.rows,this.query=t,this.segments=r,this.onChange=s,this.includeHidden=!!t.filter.includeHidden}stop(){this.stopped=!0}isStopped(){return this.stopped}changed(){this.itemsCache=null,this.stopped||this.onChange()}reread(){this.generation+=1,this.ids.clear();for(const t of this.segments)Object.assign(t,{rows:[],total:null,cursor:null,hasNext:!0,loading:!1,error:null});this.changed()}generation=0;async load(t){if(t.loading||!t.hasNext&&t.total!==null||this.stopped)return;t.loading=!0;const r=this.generation;try{const s={projectId:this.query.projectId,filter:t.filter,orderBy:this.query.orderBy,first:ts(this.query.columns.length,this.query.nested,t.total===null),after:t.cursor,columns:this.query.columns},i=this.query.nested?await q(lr,s):await q(ir,s);if(this.isStopped()||r!==this.generation)return;const l=i.node;if(!l||!("experiments"in l))throw new Error("the project is gone");const d=l.experiments,a=this.idsOf(t);for(const u of d.nodes)a.has(u.id)||(a.add(u.id),t.rows.push(ns(u,this.query.nested)));t.total=Math.max(d.totalCount,t.rows.length),t.cursor=d.pageInfo.endCursor,t.hasNext=d.pageInfo.hasNextPage,t.hasNext||(t.total=t.rows.length),t.error=null}catch(s){if(r!==this.generation)return;t.error=s instanceof Error?s.message:String(s),t.hasNext=!1,t.total=t.rows.length}finally{r===this.generation&&(t.loading=!1,this.changed())}}idsOf(t){let r=this.ids.get(t);return r||(r=new Set(t.rows.map(s=>s.id)),this.ids.set(t,r)),r}items(){if(this.itemsCache)return this.itemsCache;const t=[],r=this.rowItems;for(const s of this.segments){if(s.key==="detached"&&s.total===0||s.label!==null&&(t.push(this.placeholder(s,"branch")),this.collapsedBranches.has(s.key)))continue;for(const l of s.rows){if(!this.includeHidden&&l.hidden)continue;let d=r.get(l);if(d?.seg!==s&&(d={t:"row",row:l,seg:s,depth:0},r.set(l,d)),t.push(d),l.children&&!this.collapsedRows.has(l.id))for(const a of l.children){if(!this.includeHidden&&a.hidden)continue;let u=r.get(a);(u?.t!=="child"||u.parent!==l||u.seg!==s)&&(u={t:"child",row:a,parent:l,seg:s,depth:1},r.set(a,u)),t.push(u)}}const i=s.error||s.total===null?1:s.total-s.rows.length;if(i>0){const l=this.placeholder(s,"more"),d=t.length;t.length=d+i,t.fill(l,d)}}return this.itemsCache=t,t}placeholder(t,r){const s=r==="branch"?this.branchItems:this.placeholders,i=s.get(t);if(i)return i;const l=r==="branch"?{t:"branch",seg:t}:{t:"more",seg:t};return s.set(t,l),l}*places(t){for(const r of this.segments)for(let s=0;s<r.rows.length;s++){const i=r.rows[s];if(i&&(i.id===t&&(yield{list:r.rows,index:s}),i.children)){const l=i.children.findIndex(d=>d.id===t);l>=0&&(yield{list:i.children,index:l})}}}upsert(t,r){let s=!1;for(const{list:i,index:l}of this.places(t.id)){const d=i[l];d&&(i[l]={...d,...t}),s=!0}return!s&&r&&(s=this.place(t)),s&&this.changed(),s}place(t){if(this.query.nested&&t.kind!=="COMMIT"){let s=!1;for(const l of this.segments)for(const d of l.rows)d.kind==="COMMIT"&&d.sha&&d.sha===t.baselineSha&&d.children&&(d.children.unshift({...t}),s=!0);if(s)return!0;const i=this.segments.find(l=>l.key==="detached");return t.detached&&i?(i.rows.unshift({...t}),this.idsOf(i).add(t.id),i.total=(i.total??0)+1,!0):!1}const r=this.segments[0];return!r||this.query.nested?!1:(r.rows.unshift({...t}),this.idsOf(r).add(t.id),r.total!==null&&(r.total+=1),!0)}patch(t,r){let s=!1;for(const{list:i,index:l}of this.places(t)){const d=i[l];d&&(i[l]={...d,...r}),s=!0}s&&this.changed()}remove(t){let r=!1;for(const s of this.segments){const i=s.rows.length;s.rows=s.rows.filter(l=>l.id!==t),s.rows.length!==i&&(this.ids.get(s)?.delete(t),r=!0,s.total!==null&&(s.total-=i-s.rows.length));for(const l of s.rows)l.children?.some(d=>d.id===t)&&(l.children=l.children.filter(d=>d.id!==t),r=!0)}r&&this.changed()}find(t){for(const{list:r,index:s}of this.places(t))return r[s]??null;return null}}const Le=32,Ot=4,ss=60;function fn(e){return e.kind==="COMMIT"?e.sha?.slice(0,7)??String(e.databaseId):e.name??(e.kind==="LIVE"?`live run ${e.databaseId}`:e.sha?.slice(0,7)??String(e.databaseId))}const Ht=new WeakMap;function Lt(e){let t=Ht.get(e);return t||(t=new Map(e.values.map(r=>[r.column,r.value])),Ht.set(e,t)),t}function Ie(e,t,r,s=0){const i=r>=0?ye[r]??_e:_e;return(t.length+s)*7.5<=i-16?e:e+" clip"}function os(e){return(e??"").split(`
`,1)[0]??""}const ye=[36,250,124,120,120,240,140],_e=116,is=84,ct=ye.reduce((e,t)=>e+t,0),ls=(ye[0]??0)+(ye[1]??0),qt=2;function as(e){return ct+e.length*_e+is}function Bt(e,t,r){const s=Math.floor((t+ls-ct)/_e),i=Math.floor((t+r-ct)/_e),l=Math.min(e,Math.max(0,s-qt)),d=Math.min(e,Math.max(l,i+1+qt));return[l,d]}const tt=8;function cs(e){const{model:t,state:r}=e,s=Re(null),[i,l]=v(0),[d,a]=v(600),[u,c]=v(1200),[h,g]=v(0),o=t.items(),p=ve(()=>as(r.columns),[r.columns]),[m,w]=Bt(r.columns.length,h,u),S=ve(()=>[m,w],[m,w]);F(()=>{const E=s.current;if(!E)return;const O=new ResizeObserver(M=>{const L=M[M.length-1]?.contentRect;L&&(a(Math.ceil(L.height)),c(Math.ceil(L.width)))});return O.observe(E),()=>O.disconnect()},[]),F(()=>{s.current&&(s.current.scrollTop=0),l(0)},[t]);const f=i*tt,b=Math.max(0,f-Ot),$=Math.min(o.length,f+tt+Math.ceil(d/Le)+Ot);F(()=>{const E=new Set,O=Math.min(o.length,$+ss);for(let M=b;M<O;M++){const L=o[M];L?.t==="more"&&!L.seg.loading&&!L.seg.error&&E.add(L.seg)}for(const M of E)t.load(M)});const k=r.baseline?2:1,x=[];for(let E=b;E<$;E++){const O=o[E];O&&x.push(n(us,{item:O,index:E,rowIndex:E+k+1,cols:S,...e},Qr(O,E)))}return n("div",{class:"table-scroll",ref:s,role:"table","aria-label":`Experiments of ${e.project.name}`,"aria-rowcount":o.length+k,"aria-colcount":ye.length+r.columns.length+1,"data-testid":"experiments-table","data-nested":t.query.nested?"true":"false",onScroll:E=>{const O=E.currentTarget;l(Math.floor(O.scrollTop/Le/tt));const[M,L]=Bt(r.columns.length,O.scrollLeft,u);(M!==m||L!==w)&&g(O.scrollLeft)},style:{"--table-w":`${p}px`},children:[n("div",{role:"rowgroup",class:"thead",children:[n(ds,{columns:r.columns,sort:r.sort,goals:e.goals,onSort:e.onSort}),r.baseline?n(gn,{row:r.baseline,depth:0,rowIndex:2,baseline:!0,...e,index:-1,cols:S}):null]}),n("div",{role:"rowgroup",class:"tbody",style:{height:`${o.length*Le}px`},children:x}),o.length===0?n("p",{class:"empty muted",children:"No rows match."}):null]})}class ds extends be{shouldComponentUpdate(t){const r=this.props;return r.columns!==t.columns||r.sort!==t.sort||r.goals!==t.goals||r.onSort!==t.onSort}render(){const t=this.props,r=i=>t.sort?.key===i?t.sort.direction==="ASC"?"ascending":"descending":"none",s=(i,l,d,a="")=>n("div",{role:"columnheader",class:`th ${a}`,"aria-sort":r(i),"data-testid":"column-header","data-column":i,children:n("button",{type:"button",class:"sort",title:d,onClick:()=>t.onSort(i),children:[n("span",{children:l}),n("span",{class:"arrow","aria-hidden":"true",children:r(i)==="ascending"?"▲":r(i)==="descending"?"▼":""})]})});return n("div",{role:"row",class:"tr head","aria-rowindex":1,children:[n("div",{role:"columnheader",class:"th w0 sticky0",children:n("span",{class:"sr-only",children:"Select"})}),n("div",{role:"columnheader",class:"th w1 sticky1",children:"Experiment"}),n("div",{role:"columnheader",class:"th w2",children:"Status"}),Hr.map((i,l)=>s("field:"+i.field,i.label,`Sort by ${i.label.toLowerCase()}`,`w${String(3+l)}`)),t.columns.map(i=>{const l=t.goals.get(i);return s(i,He(i),`${i}${l?` (${l.toLowerCase()} is better)`:""}`,i.startsWith("metric:")?"metric num":"param num")}),n("div",{role:"columnheader",class:"th wa",children:n("span",{class:"sr-only",children:"Actions"})})]})}}function us(e){const{item:t}=e,r={transform:`translateY(${e.index*Le}px)`};if(t.t==="branch"){const s=t.seg,i=e.model.collapsedBranches.has(s.key),l=s.total===null?"…":String(s.total),d=e.project.branches.some(a=>a.name===s.branch&&a.hidden);return n("div",{role:"row",class:"tr branch",style:r,"aria-rowindex":e.rowIndex,"data-testid":"branch-row","data-branch":s.branch??s.key,children:n("div",{role:"cell",class:"td span",children:[n("button",{type:"button",class:"twisty","aria-expanded":!i,"aria-label":`${i?"Expand":"Collapse"} ${s.label??""}`,onClick:()=>{i?e.model.collapsedBranches.delete(s.key):e.model.collapsedBranches.add(s.key),e.model.changed()},children:i?"▸":"▾"}),n("strong",{children:s.label}),n("span",{class:"muted small",children:[l," ",s.key==="detached"?"rows":"commits"]}),s.branch&&e.signedIn?n("button",{type:"button",class:"link",onClick:()=>e.onHideBranch(s.branch??"",d),"aria-label":`${d?"Unhide":"Hide"} branch ${s.branch}`,"data-testid":"hide-branch",children:d?"Unhide branch":"Hide branch"}):null,s.error?n("span",{class:"sync-error",children:s.error}):null]})})}return t.t==="more"?n("div",{role:"row",class:t.seg.error?"tr more read-error":"tr more",style:r,"aria-rowindex":e.rowIndex,"data-testid":t.seg.error?"read-error":"placeholder-row",children:n("div",{role:"cell",class:"td span muted",children:t.seg.error??"Loading…"})}):n(gn,{...e,row:t.row,depth:t.depth,style:r})}class gn extends be{flashUntil=0;collapsed=!1;shouldComponentUpdate(t){const r=this.props;return r.row!==t.row||r.index!==t.index||r.cols!==t.cols||r.rowIndex!==t.rowIndex||r.depth!==t.depth||r.state!==t.state||r.goals!==t.goals||r.selected!==t.selected||r.signedIn!==t.signedIn||r.baseline!==t.baseline||r.model!==t.model||this.flashUntil!==(t.flash.get(t.row.id)??0)||this.collapsed!==t.model.collapsedRows.has(t.row.id)}render(){return this.flashUntil=this.props.flash.get(this.props.row.id)??0,this.collapsed=this.props.model.collapsedRows.has(this.props.row.id),hs(this.props)}}function hs(e){const{row:t,state:r,model:s}=e,[i,l]=e.cols,d=r.columns.length-l+(l===i?i:0),a=fn(t),u=Lt(t),c=r.baseline?Lt(r.baseline):null,h=e.baseline===!0||r.baseline?.id===t.id,g=(e.flash.get(t.id)??0)>Date.now(),o=s.collapsedRows.has(t.id),p=t.branches?.[0]??"",m=t.author?.name??"",w=os(t.message),S=ie(t.committedAt??t.createdAt).replace(" UTC",""),f=["tr",e.depth===1?"child":"",t.kind==="LIVE"?"live":"",t.status==="RUNNING"?"running":"",t.hidden?"hidden-row":"",e.selected.has(t.id)?"selected":"",g?"flash":"",e.baseline?"baseline":""].join(" ");return n("div",{role:"row",class:f,style:e.style,"aria-rowindex":e.rowIndex,"data-testid":e.baseline?"baseline-row":"row","data-row-id":t.id,"data-kind":t.kind,"data-status":t.status,"data-hidden":t.hidden?"true":"false",children:[n("div",{role:"cell",class:"td w0 sticky0",children:n("input",{type:"checkbox","aria-label":`Select ${a}`,checked:e.selected.has(t.id),onChange:b=>e.onSelect(t.id,b.currentTarget.checked)})}),n("div",{role:"cell",class:"td w1 sticky1 name","data-testid":"row-name",children:[e.depth===1?n("span",{class:"indent","aria-hidden":"true"}):null,t.children&&t.children.length>0&&!e.baseline?n("button",{type:"button",class:"twisty","aria-expanded":!o,"aria-label":`${o?"Show":"Hide"} the ${t.children.length} experiments of ${a}`,onClick:()=>{o?s.collapsedRows.delete(t.id):s.collapsedRows.add(t.id),s.changed()},children:o?"▸":"▾"}):n("span",{class:"twisty-space","aria-hidden":"true"}),n("span",{class:t.kind==="COMMIT"?"sha":"exp-name",title:t.sha??t.name??"",children:a}),h?n("span",{class:"chip base",children:"baseline"}):null,t.kind==="LIVE"?n("span",{class:"chip live-chip",children:["live",t.lastStep!==null?` · step ${t.lastStep}`:""]}):null,t.detached?n("span",{class:"chip",children:"detached"}):null,t.tags.slice(0,2).map(b=>n("span",{class:"chip tag",children:b},b))]}),n("div",{role:"cell",class:"td w2","data-testid":"status",children:n("span",{class:`status status-${t.status.toLowerCase()}`,children:t.status})}),n("div",{role:"cell",class:Ie("td w3",p,3),children:p}),n("div",{role:"cell",class:Ie("td w4",m,4),children:m}),n("div",{role:"cell",class:Ie("td w5",w,5),title:t.message??"",children:w}),n("div",{role:"cell",class:Ie("td w6",S,6),title:ie(t.committedAt??t.createdAt),children:S}),r.columns.slice(i,l).map((b,$)=>{const k=u.get(b),x=c?.get(b);let E=We(k),O="td num",M=0,L;if(c&&!h&&typeof k=="number"&&typeof x=="number"){const V=k-x;r.deltas&&(E=at(V));const G=e.goals.get(b);if(G&&V!==0){const Q=G==="HIGHER"?V>0:V<0;O+=Q?" better":" worse",M=2,L=`${Q?"better":"worse"} than the baseline (${at(V)})`}}return n("div",{role:"cell",class:Ie(O,E,-1,M),title:L,"data-column":b,"aria-colindex":ye.length+i+$+1,style:$===0&&i>0?{marginLeft:`${String(i*_e)}px`}:void 0,children:E},b)}),n("div",{role:"cell",class:"td wa actions","aria-colindex":ye.length+r.columns.length+1,style:d>0?{marginLeft:`${String(d*_e)}px`}:void 0,children:e.signedIn&&!e.baseline?n("button",{type:"button",class:"link","aria-label":`${t.hidden?"Unhide":"Hide"} ${a}`,onClick:()=>e.onHide(t,t.hidden),"data-testid":"hide-row",children:t.hidden?"Unhide":"Hide"}):null})]})}const Ut=2500,ms=300;function ps(e,t,r){const s=we(t),i=(u,c,h,g)=>({key:u,label:c,branch:h,filter:g,rows:[],total:null,cursor:null,hasNext:!0,loading:!1,error:null});if(!r)return[i("all",null,null,s)];const l={...s,kinds:["COMMIT"]};if(s.detached===!0)return[i("detached","Detached runs",null,s)];if(s.branch)return[i("branch:"+s.branch,s.branch,s.branch,l)];if(s.onBranch)return[i("on:"+s.onBranch,`commits on ${s.onBranch}`,null,l)];if(s.tag)return[i("tag:"+s.tag,`tag ${s.tag}`,null,l)];const a=e.branches.filter(u=>!u.folded&&(t.showHidden||!u.hidden)).sort((u,c)=>u.name===e.defaultBranch?-1:c.name===e.defaultBranch?1:u.name<c.name?-1:1).map(u=>i("branch:"+u.name,u.name,u.name,{...l,branch:u.name}));return s.detached!==!1&&a.push(i("detached","Detached runs",null,{...s,detached:!0})),a}async function Vt(e,t){try{const s=(await q(sr,{projectId:e,name:t})).node;return s&&"view"in s?s.view?.goals??[]:[]}catch{return[]}}function fs(e){return typeof e=="object"&&e!==null&&"databaseId"in e&&"values"in e}function gs(e){Se(e.name);const[t,r]=v(null),[s,i]=v(!1),[l,d]=v(null),[a,u]=v(null),[c,h]=v(null),[,g]=v(0),[o,p]=v(new Set),[m,w]=v(null),[S,f]=v(null),[b,$]=v(!1),[k,x]=v(null),[E,O]=v(!1),M=Re(new Map),L=Re({branches:new Set,rows:new Set}),V=Et(async()=>{try{const _=await q(rr,{name:e.name,includeHidden:!0});return _.project?(r(_.project),_.project):(i(!0),null)}catch(_){return _ instanceof me&&(_.has("UNAUTHENTICATED")||_.has("FORBIDDEN")||_.has("NOT_FOUND"))?i(!0):d(_),null}},[e.name]);F(()=>{V().then(_=>{if(!_)return;const I=Ye(_),R=new URLSearchParams(location.search),D=R.get("view"),H=D?_.views.find(pe=>pe.name===D):void 0,X=Ur(R.get("table"))??H;if(!X){u(I);return}(H?Vt(_.id,H.name):Promise.resolve([])).then(pe=>u({...Ze(X,_,I,pe),view:H?.name??null}))})},[V]);const G=a?a.groupByBranch&&Pt(a):!1,Q=a&&t?JSON.stringify([t.id,we(a),xe(a.sort),a.columns,G,t.branches]):null;F(()=>{if(!t||!a||Q===null)return;const _=new rs({projectId:t.id,filter:we(a),orderBy:xe(a.sort),columns:a.columns,nested:G},ps(t,a,G),()=>g(I=>I+1),L.current);return h(_),()=>_.stop()},[Q]),F(()=>{c&&(c.includeHidden=!!a?.showHidden),c?.changed()},[c,a?.showHidden]),F(()=>{if(!c||!t)return;const _={projectId:t.id,columns:c.query.columns},I=Object.keys(c.query.filter).every(ae=>ae==="includeHidden"),R=c.query.nested||I&&c.query.orderBy===null,D=ae=>{M.current.set(ae,Date.now()+Ut),setTimeout(()=>{const oe=M.current.get(ae);oe!==void 0&&oe<=Date.now()&&(M.current.delete(ae),c.changed())},Ut+50)};let H=null;const X=()=>{H??=setTimeout(()=>{H=null,c.reread()},ms)},se=it(mr,_,ae=>{const oe=ae.experimentEvents;if(oe.change==="REMOVED"||!oe.experiment){c.remove(oe.experimentId);return}c.upsert(oe.experiment,R)&&D(oe.experimentId),R||X()}),pe=it(pr,_,ae=>{const oe=ae.liveMetrics;c.upsert(oe.experiment,R)&&D(oe.experimentId)});return()=>{se(),pe(),H!==null&&clearTimeout(H)}},[c,t]);const Y=a?.baselineId??null,C=a?JSON.stringify(a.columns):"";F(()=>{if(!Y||!a)return;let _=!1;return q(or,{id:Y,columns:a.columns}).then(I=>{const R=I.node;if(_||!fs(R))return;const D=R;u(H=>H&&H.baselineId===Y?{...H,baseline:D}:H)}).catch(I=>w(I instanceof Error?I.message:String(I))),()=>{_=!0}},[Y,C]);const j=Et(_=>{u(I=>I&&{...I,..._,view:"view"in _?_.view??null:I.view})},[]);F(()=>{if(!t||!a)return;const _=t.views.find(X=>X.name===a.view),I=_?Ze(_,t,a):Ye(t),R=JSON.stringify(Nt(a)),D=new URLSearchParams(location.search);R===JSON.stringify(Nt(I))?D.delete("table"):D.set("table",R);const H=D.toString();Oe(location.pathname+(H?"?"+H:""),!0)},[t,a]);const y=a?.viewGoals,T=ve(()=>t&&a?qr(t,a):new Map,[t,y]);if(s)return n(dn,{what:`Project “${e.name}”`,signedIn:e.session!==null});if(l)return n(je,{error:l});if(!t||!a||!c)return n("p",{class:"muted",children:["Loading ",e.name,"…"]});const A=e.session!==null,B=async _=>{const I=t.views.find(H=>H.name===_),R=new URLSearchParams(location.search);if(I){const H=await Vt(t.id,I.name);u(Ze(I,t,a,H)),R.set("view",I.name)}else u({...Ye(t),view:null}),R.delete("view");const D=R.toString();Oe(location.pathname+(D?"?"+D:""),!0)},N=async(_,I)=>{try{const R=await q(dr,{input:{projectId:t.id,name:_,shared:I,columns:a.columns,filter:we(a),order:xe(a.sort),baseline:a.baselineId,goals:Object.entries(a.viewGoals).map(([X,se])=>({column:X,goal:se})),includeHidden:a.showHidden}}),D=R.saveView.errors[0];if(D)return`${D.code}: ${D.message}`;const H=R.saveView.view;if(H){const X=[...t.views.filter(pe=>pe.id!==H.id),H];r({...t,views:X}),u({...a,view:H.name});const se=new URLSearchParams(location.search);se.set("view",H.name),Oe(location.pathname+"?"+se.toString(),!0)}return null}catch(R){return R instanceof Error?R.message:String(R)}},re=async()=>{try{for(const[_,I]of Object.entries(a.viewGoals)){const D=(await q(hr,{input:{projectId:t.id,column:_,goal:I}})).setColumnGoal.errors[0];if(D){w(`${D.code}: ${D.message}`);return}}await V(),w("Goals saved for the project")}catch(_){w(_ instanceof Error?_.message:String(_))}},de=async _=>{try{const R=(await q(ur,{input:{id:_.id}})).deleteView.errors[0];return R?`${R.code}: ${R.message}`:(r({...t,views:t.views.filter(D=>D.id!==_.id)}),await B(null),`Deleted “${_.name}”`)}catch(I){return I instanceof Error?I.message:String(I)}},le=async(_,I,R)=>{try{const D={input:{projectId:t.id,ids:_,branches:I},columns:c.query.columns},H=R?(await q(cr,D)).unhideRows:(await q(ar,D)).hideRows,X=H.errors[0];if(X){w(`${X.code}: ${X.message}`);return}for(const se of H.experiments)c.patch(se.id,{hidden:se.hidden,autoHidden:se.autoHidden});I.length&&await V(),p(new Set),w(`${R?"Shown":"Hidden"}: ${_.length+I.length}`)}catch(D){w(D instanceof Error?D.message:String(D))}},Z=[...o].map(_=>c.find(_)).filter(_=>_!==null),z=Pt(a);return n("section",{class:"table-page","aria-labelledby":"table-title",children:[n("div",{class:"title-bar",children:[n("h1",{id:"table-title",children:t.name}),n("span",{class:"muted small",children:[t.visibility.toLowerCase()," · synced ",ie(t.lastSyncedAt)," ·"," ",n("span",{class:`badge sync-${t.syncState.toLowerCase()}`,children:t.syncState.toLowerCase()})]}),t.lastSyncError?n("span",{class:"sync-error",children:t.lastSyncError}):null,n("a",{class:"csv",href:Br(t.databaseId,a),"data-testid":"csv-link",download:!0,children:"Export CSV"})]}),n("div",{class:"toolbar",role:"toolbar","aria-label":"Table",children:[n(Gr,{views:t.views,current:a.view,signedIn:A,pick:_=>{B(_)},save:N,remove:de}),n(Vr,{project:t,state:a,update:j}),n(Fr,{project:t,state:a,update:j,saveProjectGoals:A?()=>{re()}:void 0}),n("label",{title:z?"":"A sort by a value or a value filter lists rows flat",children:[n("input",{type:"checkbox",checked:a.groupByBranch&&z,disabled:!z,onChange:_=>j({groupByBranch:_.currentTarget.checked}),"data-testid":"group-toggle"})," ","Group by branch"]}),n("label",{children:[n("input",{type:"checkbox",checked:a.showHidden,onChange:_=>j({showHidden:_.currentTarget.checked}),"data-testid":"show-hidden"})," ","Show hidden"]}),n("button",{type:"button","aria-pressed":b,onClick:()=>$(!b),"data-testid":"trends-toggle",children:"Trends"}),n("button",{type:"button","aria-pressed":E,onClick:()=>O(!E),"data-testid":"pulls-toggle",children:"Pull requests"}),n("label",{children:[n("input",{type:"checkbox",checked:a.deltas,disabled:!a.baseline,onChange:_=>j({deltas:_.currentTarget.checked}),"data-testid":"delta-mode"})," ","Deltas"]})]}),n("div",{class:"selection-bar","aria-live":"polite",children:[n("span",{children:o.size?`${o.size} selected`:"Select rows to hide them or to use one as the baseline."}),o.size?n(ne,{children:[n("button",{type:"button",disabled:!A,onClick:()=>{le([...o],[],!1)},children:"Hide selected"}),n("button",{type:"button",disabled:!A,onClick:()=>{le([...o],[],!0)},children:"Unhide selected"}),n("button",{type:"button",disabled:Z.length!==1,onClick:()=>j({baseline:Z[0]??null,baselineId:Z[0]?.id??null}),"data-testid":"set-baseline",children:"Use as baseline"}),n("button",{type:"button",disabled:!A||Z.length!==1,onClick:()=>x(Z[0]??null),"data-testid":"run-experiment",children:"Run experiment"}),n("button",{type:"button",disabled:o.size>100,onClick:()=>f([...o]),"data-testid":"compare",children:"Compare"}),n("button",{type:"button",onClick:()=>p(new Set),children:"Clear selection"})]}):null,a.baseline?n("button",{type:"button",onClick:()=>j({baseline:null,baselineId:null,deltas:!1}),children:"Clear baseline"}):null,m?n("span",{class:"muted",role:"status",children:m}):null]}),k?n(zr,{projectId:t.id,rowId:k.id,label:fn(k),onClose:()=>x(null)}):null,E?n(Jr,{projectId:t.id,onClose:()=>O(!1)}):null,b?n(Kr,{project:t,onClose:()=>$(!1)}):null,S?n(Mr,{projectId:t.id,ids:S,baselineId:a.baselineId,onClose:()=>f(null)}):null,n(cs,{project:t,model:c,state:a,goals:T,selected:o,flash:M.current,signedIn:A,onSelect:(_,I)=>{const R=new Set(o);I?R.add(_):R.delete(_),p(R)},onSort:_=>{const I=a.sort,R=I?.key!==_?{key:_,direction:"DESC"}:I.direction==="DESC"?{key:_,direction:"ASC"}:null;j({sort:R})},onHide:(_,I)=>{le([_.id],[],I)},onHideBranch:(_,I)=>{le([],[_],I)}})]})}function ys(e){Se(e.model);const[t,r]=v(null),[s,i]=v(""),[l,d]=v(""),[a,u]=v(null),[c,h]=v(!1),[g,o]=v(null),[p,m]=v(null),[w,S]=v(!1),[f,b]=v(""),[$,k]=v(""),[x,E]=v(""),[O,M]=v(""),[L,V]=v("");if(F(()=>{q(Gn,{project:e.project,model:e.model}).then(y=>{if(!y.project?.model){h(!0);return}r(y.project.id),i(y.project.repoUrl),d(y.project.defaultBranch??""),u(y.project.model)}).catch(y=>{y instanceof me&&y.has("UNAUTHENTICATED")?h(!0):o(y)})},[e.project,e.model]),c)return n(dn,{what:`Model “${e.model}” of “${e.project}”`,signedIn:e.session!==null});if(g)return n(je,{error:g});if(!a||!t)return n("p",{class:"muted",children:["Loading ",e.model,"…"]});const G=async(y,T)=>{S(!0);try{const A=await y(),B=A.errors[0];B?m(`${B.code}: ${B.message}`):(A.model&&u(A.model),m(`${T}${A.tag?` (tag ${A.tag})`:""}`))}catch(A){m(A instanceof Error?A.message:String(A))}finally{S(!1)}},Q={projectId:t,model:a.name},Y=a.versions.filter(y=>y.registered),C=O||(Y[0]?.version??""),j=e.session!==null;return n("section",{"aria-labelledby":"model-title",children:[n("p",{class:"muted small",children:[n("a",{href:Ge(e.project),children:e.project})," / models"]}),n("h1",{id:"model-title",children:[a.name," ",a.deprecated?n("span",{class:"chip",children:"deprecated"}):null]}),n("p",{class:"muted",children:[a.type??"model"," · ",a.path??"no path"," ",a.declaredIn?`· declared in ${a.declaredIn}`:""," · latest"," ",a.latestVersion?.version??"none"]}),a.description?n("p",{children:a.description}):null,a.registryError?n("div",{class:"notice error",children:a.registryError.message}):null,p?n("p",{class:"notice",role:"status","data-testid":"model-message",children:p}):null,n("h2",{children:"Stages"}),a.stages.length===0?n("p",{class:"muted",children:"No stage assigned."}):n("ul",{class:"stages","data-testid":"stages",children:a.stages.map(y=>n("li",{"data-stage":y.stage,children:[n("strong",{children:y.stage}),": ",y.versions.map(T=>T.version).join(", ")]},y.stage))}),n("h2",{children:"Versions"}),n("table",{class:"projects","data-testid":"versions",children:[n("thead",{children:n("tr",{children:[n("th",{scope:"col",children:"Version"}),n("th",{scope:"col",children:"Commit"}),n("th",{scope:"col",children:"Stages"}),n("th",{scope:"col",children:"Author"}),n("th",{scope:"col",children:"Created"}),n("th",{scope:"col",children:"State"})]})}),n("tbody",{children:a.versions.map(y=>n("tr",{"data-testid":"version","data-version":y.version,children:[n("th",{scope:"row",children:y.version}),n("td",{children:n("code",{children:y.commit.slice(0,7)})}),n("td",{children:y.stages.join(", ")}),n("td",{children:y.author}),n("td",{children:ie(y.createdAt)}),n("td",{children:y.active?"active":y.registered?"deregistered":"unregistered"})]},y.version))})]}),n(_s,{repo:s,model:a}),j?n("div",{class:"registry-forms",children:[n("form",{onSubmit:y=>{y.preventDefault(),G(async()=>(await q(Wn,{input:{...Q,rev:f.trim()||l,version:$.trim()||null,bump:x||null}})).registerModelVersion,"Registered")},children:n("fieldset",{children:[n("legend",{children:"Register a version"}),n("label",{children:["Commit, branch or tag",n("input",{type:"text",value:f,placeholder:l,onInput:y=>b(y.currentTarget.value),"data-testid":"register-rev"})]}),n("label",{children:["Version",n("input",{type:"text",value:$,placeholder:"v1.2.3 (or bump)",onInput:y=>k(y.currentTarget.value),"data-testid":"register-version"})]}),n("label",{children:["Bump",n("select",{value:x,onChange:y=>E(y.currentTarget.value),children:[n("option",{value:"",children:"default"}),n("option",{value:"PATCH",children:"patch"}),n("option",{value:"MINOR",children:"minor"}),n("option",{value:"MAJOR",children:"major"})]})]}),n("button",{type:"submit",class:"primary",disabled:w,children:"Register"})]})}),n("form",{onSubmit:y=>{y.preventDefault();const T={...Q,version:C,stage:L.trim()};G(async()=>(await q(zn,{input:T})).assignStage,`Assigned ${T.stage}`)},children:n("fieldset",{children:[n("legend",{children:"Stages"}),n("label",{children:["Version",n("select",{value:C,onChange:y=>M(y.currentTarget.value),"data-testid":"stage-version",children:Y.map(y=>n("option",{value:y.version,children:y.version},y.version))})]}),n("label",{children:["Stage",n("input",{type:"text",value:L,required:!0,onInput:y=>V(y.currentTarget.value),"data-testid":"stage-name"})]}),n("button",{type:"submit",disabled:w||Y.length===0,children:"Assign"}),n("button",{type:"button",disabled:w||Y.length===0||!L.trim(),onClick:()=>{const y={...Q,version:C,stage:L.trim()};G(async()=>(await q(Jn,{input:y})).unassignStage,`Unassigned ${y.stage}`)},children:"Unassign"})]})}),n("button",{type:"button",disabled:w||a.deprecated,onClick:()=>{confirm(`Deprecate ${a.name}? A new registry tag revives it.`)&&G(async()=>(await q(Xn,{input:Q})).deprecateModel,"Deprecated")},children:"Deprecate model"})]}):null,n("h2",{children:"History"}),n("table",{class:"projects","data-testid":"history",children:[n("thead",{children:n("tr",{children:[n("th",{scope:"col",children:"When"}),n("th",{scope:"col",children:"Event"}),n("th",{scope:"col",children:"Version"}),n("th",{scope:"col",children:"Stage"}),n("th",{scope:"col",children:"By"}),n("th",{scope:"col",children:"Tag"})]})}),n("tbody",{children:a.history.map(y=>n("tr",{children:[n("td",{children:ie(y.createdAt)}),n("td",{children:y.kind.toLowerCase()}),n("td",{children:y.version??""}),n("td",{children:y.stage??""}),n("td",{children:y.author}),n("td",{children:n("code",{children:y.tag})})]},y.tag+y.kind))})]})]})}function Ft(e){return"version"in e?`version:${e.version}`:"stage"in e?`stage:${e.stage}`:"latest"}function _s(e){const{model:t}=e,[r,s]=v(new Map);F(()=>s(new Map),[t]);const i=[];t.latestVersion&&i.push({which:{},label:`latest (${t.latestVersion.version})`});for(const d of t.stages)i.push({which:{stage:d.stage},label:`stage ${d.stage} (${d.versions[0]?.version??"?"})`});for(const d of t.versions)d.active&&d.registered&&i.push({which:{version:d.version},label:d.version});const l=d=>{const a=Ft(d),u=c=>s(h=>new Map(h).set(a,c));u({loading:!0,files:null,error:null}),On(e.repo,t.name,d).then(c=>u({loading:!1,files:Object.entries(c).sort(([h],[g])=>h<g?-1:1),error:null})).catch(c=>{const h=c instanceof me?c.errors.map(g=>g.code?`${g.code}: ${g.message}`:g.message).join("; "):String(c);u({loading:!1,files:null,error:h})})};return n(ne,{children:[n("h2",{children:"Download"}),n("p",{class:"muted small",children:["The model's files as ",n("code",{children:["dvc artifacts get ",e.repo," ",t.name]})," fetches them (add"," ",n("code",{children:"--rev VERSION"})," or ",n("code",{children:"--stage STAGE"}),"); the links are signed for you and expire after an hour."]}),i.length===0?n("p",{class:"muted",children:"No registered version to download."}):n("ul",{class:"downloads","data-testid":"downloads",children:i.map(({which:d,label:a})=>{const u=Ft(d),c=r.get(u);return n("li",{"data-testid":"download","data-which":u,children:[n("strong",{children:a})," ",n("button",{type:"button",class:"link",disabled:c?.loading===!0,onClick:()=>l(d),"aria-label":`${Gt(c)}: ${t.name} ${a}`,"data-testid":"download-files",children:Gt(c)}),c?.error?n("span",{class:"sync-error",role:"alert","data-testid":"download-error",children:c.error}):null,c?.files?c.files.length===0?n("p",{class:"muted small","data-testid":"download-links",children:"No files."}):n("ul",{"data-testid":"download-links",children:c.files.map(([h,g])=>n("li",{children:n("a",{href:g,download:h.split("/").pop()??h,"data-testid":"download-link","data-path":h,children:h})},h))}):null]},u)})})]})}function Gt(e){return e?.files?"Refresh links":e?.loading?"Reading…":"Get download links"}function bs(e,t){return`${Ge(e)}/models/${encodeURIComponent(t)}`}function ws(e){Se("Models");const[t,r]=v(null),[s,i]=v(0),[l,d]=v(null),[a,u]=v(""),[c,h]=v(null),g=async(o,p)=>{try{const m=await q(Kn,{after:o,filter:p?{name:p}:null});r(w=>[...o&&w?w:[],...m.models.nodes]),i(m.models.totalCount),d(m.models.pageInfo.hasNextPage?m.models.pageInfo.endCursor:null),h(null)}catch(m){h(m)}};return F(()=>{const o=setTimeout(()=>{g(null,a.trim())},a?250:0);return()=>clearTimeout(o)},[a]),n("section",{"aria-labelledby":"models-title",children:[n("h1",{id:"models-title",children:"Models"}),n("div",{class:"toolbar",children:[n("label",{children:["Find a model",n("input",{type:"search",value:a,onInput:o=>u(o.currentTarget.value),"data-testid":"model-search"})]}),e.session?null:n("span",{class:"muted",children:"Signed out: models of public projects only."})]}),c?n(je,{error:c}):null,t===null?n("p",{class:"muted",children:"Loading models…"}):t.length===0?n("p",{children:"No models. Declare one in a dvc.yaml (`artifacts:`) or register one with GTO."}):n("table",{class:"projects","data-testid":"models",children:[n("caption",{class:"sr-only",children:[s," models"]}),n("thead",{children:n("tr",{children:[n("th",{scope:"col",children:"Model"}),n("th",{scope:"col",children:"Project"}),n("th",{scope:"col",children:"Latest version"}),n("th",{scope:"col",children:"Stages"}),n("th",{scope:"col",children:"Type"})]})}),n("tbody",{children:t.map(o=>n("tr",{"data-testid":"model","data-model":o.name,children:[n("th",{scope:"row",children:[o.project?n("a",{href:bs(o.project.name,o.name),children:o.name}):o.name,o.deprecated?n("span",{class:"chip",children:" deprecated"}):null,o.description?n("div",{class:"muted small",children:o.description}):null,o.registryError?n("div",{class:"sync-error",children:o.registryError.message}):null]}),n("td",{children:o.project?n("a",{href:Ge(o.project.name),children:o.project.name}):"—"}),n("td",{children:o.latestVersion?n(ne,{children:[o.latestVersion.version," ",n("span",{class:"muted small",children:ie(o.latestVersion.createdAt)})]}):n("span",{class:"muted",children:"unregistered"})}),n("td",{children:o.stages.map(p=>n("span",{class:"chip tag",children:[p.stage,": ",p.versions.map(m=>m.version).join(", ")]},p.stage))}),n("td",{children:o.type??""})]},`${o.project?.id??""}:${o.name}`))})]}),l?n("button",{type:"button",onClick:()=>{g(l,a.trim())},children:"More models"}):null]})}const vs=["READ","PROJECTS","EXPERIMENTS","MODELS","ADMIN"];function Ss(e){Se("Access tokens");const[t,r]=v(null),[s,i]=v(null),[l,d]=v(""),[a,u]=v(new Set(["READ","EXPERIMENTS"])),[c,h]=v(null),g=c?.secret??null,[o,p]=v(null),m=async()=>{try{const f=await q(fr,{});r(f.me.tokens)}catch(f){i(f)}};if(F(()=>{e.session&&m()},[e.session]),!e.session)return n("section",{children:[n("h1",{children:"Access tokens"}),n("p",{children:[n("a",{href:Ae(),children:"Sign in"})," to manage your tokens."]}),n(Wt,{})]});const w=async()=>{h(null);try{const f=await q(gr,{input:{name:l.trim(),scopes:[...a]}}),b=f.createAccessToken.errors[0];if(b){p(`${b.code}: ${b.message}`);return}const $=f.createAccessToken;h($.token&&$.accessToken?{id:$.accessToken.id,secret:$.token}:null),p(null),d(""),await m()}catch(f){p(f instanceof Error?f.message:String(f))}},S=async f=>{if(confirm(`Revoke the token “${f.name}”? Scripts using it stop working.`))try{const $=(await q(yr,{id:f.id})).revokeAccessToken.errors[0];p($?`${$.code}: ${$.message}`:`Revoked “${f.name}”`),!$&&c?.id===f.id&&h(null),await m()}catch(b){p(b instanceof Error?b.message:String(b))}};return n("section",{"aria-labelledby":"tokens-title",children:[n("h1",{id:"tokens-title",children:"Access tokens"}),s?n(je,{error:s}):null,n("form",{class:"token-form",onSubmit:f=>{f.preventDefault(),w()},children:[n("label",{children:["Name",n("input",{type:"text",required:!0,value:l,onInput:f=>d(f.currentTarget.value),"data-testid":"token-name"})]}),n("fieldset",{children:[n("legend",{children:"Scopes"}),vs.map(f=>n("label",{children:[n("input",{type:"checkbox",checked:a.has(f),onChange:b=>{const $=new Set(a);b.currentTarget.checked?$.add(f):$.delete(f),u($)}})," ",f]},f))]}),n("button",{type:"submit",class:"primary",disabled:!l.trim()||a.size===0,children:"Create token"})]}),g?n("div",{class:"notice",role:"status","data-testid":"new-token",children:n("p",{children:["Your new token (shown once): ",n("code",{children:g})]})}):null,o?n("p",{class:"muted",role:"status",children:o}):null,t===null?n("p",{class:"muted",children:"Loading tokens…"}):n("table",{class:"projects","data-testid":"tokens",children:[n("thead",{children:n("tr",{children:[n("th",{scope:"col",children:"Name"}),n("th",{scope:"col",children:"Prefix"}),n("th",{scope:"col",children:"Scopes"}),n("th",{scope:"col",children:"Created"}),n("th",{scope:"col",children:"Last used"}),n("th",{scope:"col",children:n("span",{class:"sr-only",children:"Actions"})})]})}),n("tbody",{children:t.map(f=>n("tr",{"data-testid":"token",children:[n("th",{scope:"row",children:f.name}),n("td",{children:n("code",{children:f.prefix})}),n("td",{children:f.scopes.join(", ")}),n("td",{children:ie(f.createdAt)}),n("td",{children:ie(f.lastUsedAt)}),n("td",{children:n("button",{type:"button",onClick:()=>{S(f)},"aria-label":`Revoke ${f.name}`,children:"Revoke"})})]},f.id))})]}),n(Wt,{})]})}function Wt(){const e=location.origin;return n("section",{class:"device-login","aria-labelledby":"device-login-title","data-testid":"device-login",children:[n("h2",{id:"device-login-title",children:["Sign DVC in: ",n("code",{children:"dvc studio login"})]}),n("ol",{children:[n("li",{children:["On your machine run ",n("code",{"data-testid":"device-login-command",children:["dvc studio login --hostname ",e]})," (",n("code",{children:"-s EXPERIMENTS,MODELS,DATASETS"})," to choose the scopes, ",n("code",{children:"-n NAME"})," to name the token)."]}),n("li",{children:["DVC asks this server for a login and prints a code such as ",n("code",{children:"BCDF-GHJK"})," with the approval page's address (it opens it in a browser unless ",n("code",{children:"--no-open"}),")."]}),n("li",{children:["On the ",n("a",{href:"/auth/device-login","data-testid":"device-login-link",children:"approval page"}),", signed in as yourself, approve the code (or deny it): DVC receives a new access token of yours with the scopes it asked for (you must hold them), saves it with this server's address in its global config (",n("code",{children:"studio.token"}),","," ",n("code",{children:"studio.url"}),"), and the token shows in the list above, where you can revoke it."]})]}),n("form",{method:"get",action:"/auth/device-login",class:"token-form",children:[n("label",{children:["Code from DVC",n("input",{type:"text",name:"code",required:!0,maxLength:32,autoComplete:"off",placeholder:"BCDF-GHJK","data-testid":"device-login-code"})]}),n("button",{type:"submit",children:"Open the approval page"})]}),n("p",{class:"muted small",children:["The codes expire after a few minutes; DVC then stops and you run it again. Then ",n("code",{children:"dvc exp push"}),","," ",n("code",{children:"dvc artifacts get"})," and DVCLive's live updates reach this server with that token."]})]})}function ks(e,t){if(e==="/"||e==="")return n(vr,{session:t});const r=/^\/projects\/([^/]+)\/models\/(.+)$/.exec(e);if(r?.[1]&&r[2]){const[i,l]=[decodeURIComponent(r[1]),decodeURIComponent(r[2])];return n(ys,{project:i,model:l,session:t},e)}const s=/^\/projects\/([^/]+)\/?$/.exec(e);if(s?.[1]){const i=decodeURIComponent(s[1]);return n(gs,{name:i,session:t},i)}return e==="/models"?n(ws,{session:t}):e==="/settings/tokens"?n(Ss,{session:t}):n(br,{})}function $s(){const e=Ln(),[t,r]=v({loaded:!1});F(()=>{Nn().then(d=>r({loaded:!0,session:d})).catch(()=>r({loaded:!0,session:null}))},[]);const s=t.loaded?t.session:null,i=/^\/projects\/[^/]+\/models\//.test(e.path),l=d=>d==="/"?e.path==="/"||e.path.startsWith("/projects/")&&!i?"page":void 0:d==="/models"?e.path==="/models"||i?"page":void 0:e.path.startsWith(d)?"page":void 0;return n(ne,{children:[n("a",{class:"skip",href:"#main",children:"Skip to content"}),n("header",{class:"shell",children:[n("a",{class:"brand",href:"/",children:"gitstudio"}),n("nav",{"aria-label":"Main",children:n("ul",{children:[n("li",{children:n("a",{href:"/","aria-current":l("/"),children:"Projects"})}),n("li",{children:n("a",{href:"/models","aria-current":l("/models"),children:"Models"})}),n("li",{children:n("a",{href:"/settings/tokens","aria-current":l("/settings/tokens"),children:"Tokens"})}),n("li",{children:n("a",{href:"/graphql",children:"GraphiQL"})})]})}),n("div",{class:"who","data-testid":"session",children:t.loaded?s?n(ne,{children:[n("span",{"data-testid":"user",children:s.user}),n("button",{type:"button",onClick:()=>{Dn().then(()=>{location.assign(Ae("/"))})},children:"Sign out"})]}):n("a",{href:Ae(),"data-testid":"sign-in",children:"Sign in"}):null})]}),n("main",{id:"main",tabIndex:-1,children:t.loaded?ks(e.path,s):n("p",{class:"muted",children:"Loading…"})})]})}const nt=document.getElementById("app");nt&&(Bn(nt),$n(n($s,{}),nt));

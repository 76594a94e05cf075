const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=["assets/embed-ji_c-7H5.js","assets/vega-interpreter-BmnYaw1U.js"])))=>i.map(i=>d[i]);
var Ee,A,St,ee,Qe,$t,xt,Ce,_e,ae,Et,Be,Pe,Me,Se={},$e=[],Ft=/acit|ex(?:s|g|n|p|$)|rph|grid|ows|mnc|ntw|ine[ch]|zoo|^ord|itera/i,Ie=Array.isArray;function K(e,t){for(var n in t)e[n]=t[n];return e}function qe(e){e&&e.parentNode&&e.parentNode.removeChild(e)}function Ut(e,t,n){var o,s,l,d={};for(l in t)l=="key"?o=t[l]:l=="ref"?s=t[l]:d[l]=t[l];if(arguments.length>2&&(d.children=arguments.length>3?Ee.call(arguments,2):n),typeof e=="function"&&e.defaultProps!=null)for(l in e.defaultProps)d[l]===void 0&&(d[l]=e.defaultProps[l]);return ge(e,d,o,s,null)}function ge(e,t,n,o,s){var l={type:e,props:t,key:n,ref:o,__k:null,__:null,__b:0,__e:null,__c:null,constructor:void 0,__v:s??++St,__i:-1,__u:0};return s==null&&A.vnode!=null&&A.vnode(l),l}function Q(e){return e.children}function ye(e,t){this.props=e,this.context=t}function re(e,t){if(t==null)return e.__?re(e.__,e.__i+1):null;for(var n;t<e.__k.length;t++)if((n=e.__k[t])!=null&&n.__e!=null)return n.__e;return typeof e.type=="function"?re(e):null}function Vt(e){if(e.__P&&e.__d){var t=e.__v,n=t.__e,o=[],s=[],l=K({},t);l.__v=t.__v+1,A.vnode&&A.vnode(l),Fe(e.__P,l,t,e.__n,e.__P.namespaceURI,32&t.__u?[n]:null,o,n??re(t),!!(32&t.__u),s),l.__v=t.__v,l.__.__k[l.__i]=l,Rt(o,l,s),t.__e=t.__=null,l.__e!=n&&It(l)}}function It(e){if((e=e.__)!=null&&e.__c!=null)return e.__e=e.__c.base=null,e.__k.some(function(t){if(t!=null&&t.__e!=null)return e.__e=e.__c.base=t.__e}),It(e)}function Ke(e){(!e.__d&&(e.__d=!0)&&ee.push(e)&&!xe.__r++||Qe!=A.debounceRendering)&&((Qe=A.debounceRendering)||$t)(xe)}function xe(){try{for(var e,t=1;ee.length;)ee.length>t&&ee.sort(xt),e=ee.shift(),t=ee.length,Vt(e)}finally{ee.length=xe.__r=0}}function Tt(e,t,n,o,s,l,d,c,h,a,u){var g,i,_,f,k,y,p=o&&o.__k||$e,b=t.length;for(h=Gt(n,t,p,h,b),g=0;g<b;g++)(_=n.__k[g])!=null&&(i=_.__i!=-1&&p[_.__i]||Se,_.__i=g,y=Fe(e,_,i,s,l,d,c,h,a,u),f=_.__e,_.ref&&i.ref!=_.ref&&(i.ref&&Ue(i.ref,null,_),u.push(_.ref,_.__c||f,_)),k==null&&f!=null&&(k=f),4&_.__u?(h=Ct(_,h,e),i.__e&&(i.__e=null)):typeof _.type=="function"&&y!==void 0?h=y:f&&(h=f.nextSibling),_.__u&=-7);return n.__e=k,h}function Gt(e,t,n,o,s){var l,d,c,h,a,u=n.length,g=u,i=0;for(e.__k=new Array(s),l=0;l<s;l++)(d=t[l])!=null&&typeof d!="boolean"&&typeof d!="function"?(typeof d=="string"||typeof d=="number"||typeof d=="bigint"||d.constructor==String?d=e.__k[l]=ge(null,d,null,null,null):Ie(d)?d=e.__k[l]=ge(Q,{children:d},null,null,null):d.constructor===void 0&&d.__b>0?d=e.__k[l]=ge(d.type,d.props,d.key,d.ref?d.ref:null,d.__v):e.__k[l]=d,h=l+i,d.__=e,d.__b=e.__b+1,c=null,(a=d.__i=Wt(d,n,h,g))!=-1&&(g--,(c=n[a])&&(c.__u|=2)),c==null||c.__v==null?(a==-1&&(s>u?i--:s<u&&i++),typeof d.type!="function"&&(d.__u|=4)):a!=h&&(a==h-1?i--:a==h+1?i++:(a>h?i--:i++,d.__u|=4))):e.__k[l]=null;if(g)for(l=0;l<u;l++)(c=n[l])!=null&&(2&c.__u)==0&&(c.__e==o&&(o=re(c)),Nt(c,c));return o}function Ct(e,t,n){var o,s;if(typeof e.type=="function"){for(o=e.__k,s=0;o&&s<o.length;s++)o[s]&&(o[s].__=e,t=Ct(o[s],t,n));return t}e.__e!=t&&(t&&e.type&&!t.parentNode&&(t=re(e)),t=n.insertBefore(e.__e,t||null));do t=t&&t.nextSibling;while(t!=null&&t.nodeType==8);return t}function Wt(e,t,n,o){var s,l,d,c=e.key,h=e.type,a=t[n],u=a!=null&&(2&a.__u)==0;if(a===null&&c==null||u&&c==a.key&&h==a.type)return n;if(o>(u?1:0)){for(s=n-1,l=n+1;s>=0||l<t.length;)if((a=t[d=s>=0?s--:l++])!=null&&(2&a.__u)==0&&c==a.key&&h==a.type)return d}return-1}function Ye(e,t,n){t[0]=="-"?e.setProperty(t,n??""):e[t]=n==null?"":typeof n!="number"||Ft.test(t)?n:n+"px"}function me(e,t,n,o,s){var l,d;e:if(t=="style")if(typeof n=="string")e.style.cssText=n;else{if(typeof o=="string"&&(e.style.cssText=o=""),o)for(t in o)n&&t in n||Ye(e.style,t,"");if(n)for(t in n)o&&n[t]==o[t]||Ye(e.style,t,n[t])}else if(t[0]=="o"&&t[1]=="n")l=t!=(t=t.replace(Et,"$1")),d=t.toLowerCase(),t=d in e||t=="onFocusOut"||t=="onFocusIn"?d.slice(2):t.slice(2),e.l||(e.l={}),e.l[t+l]=n,n?o?n[ae]=o[ae]:(n[ae]=Be,e.addEventListener(t,l?Me:Pe,l)):e.removeEventListener(t,l?Me:Pe,l);else{if(s=="http://www.w3.org/2000/svg")t=t.replace(/xlink(H|:h)/,"h").replace(/sName$/,"s");else if(t!="width"&&t!="height"&&t!="href"&&t!="list"&&t!="form"&&t!="tabIndex"&&t!="download"&&t!="rowSpan"&&t!="colSpan"&&t!="role"&&t!="popover"&&t in e)try{e[t]=n??"";break e}catch{}typeof n=="function"||(n==null||n===!1&&t[4]!="-"?e.removeAttribute(t):e.setAttribute(t,t=="popover"&&n==1?"":n))}}function Ze(e){return function(t){if(this.l){var n=this.l[t.type+e];if(t[_e]==null)t[_e]=Be++;else if(t[_e]<n[ae])return;return n(A.event?A.event(t):t)}}}function Fe(e,t,n,o,s,l,d,c,h,a){var u,g,i,_,f,k,y,p,b,x,H,L,D,Y,O,X,B=t.type;if(t.constructor!==void 0)return null;128&n.__u&&(h=!!(32&n.__u),l=[c=t.__e=n.__e]),(u=A.__b)&&u(t);e:if(typeof B=="function"){g=d.length;try{if(b=t.props,x=B.prototype&&B.prototype.render,H=(u=B.contextType)&&o[u.__c],L=u?H?H.props.value:u.__:o,n.__c?p=(i=t.__c=n.__c).__=i.__E:(x?t.__c=i=new B(b,L):(t.__c=i=new ye(b,L),i.constructor=B,i.render=Jt),H&&H.sub(i),i.state||(i.state={}),i.__n=o,_=i.__d=!0,i.__h=[],i._sb=[]),x&&i.__s==null&&(i.__s=i.state),x&&B.getDerivedStateFromProps!=null&&(i.__s==i.state&&(i.__s=K({},i.__s)),K(i.__s,B.getDerivedStateFromProps(b,i.__s))),f=i.props,k=i.state,i.__v=t,_)x&&B.getDerivedStateFromProps==null&&i.componentWillMount!=null&&i.componentWillMount(),x&&i.componentDidMount!=null&&i.__h.push(i.componentDidMount);else{if(x&&B.getDerivedStateFromProps==null&&b!==f&&i.componentWillReceiveProps!=null&&i.componentWillReceiveProps(b,L),t.__v==n.__v||!i.__e&&i.shouldComponentUpdate!=null&&i.shouldComponentUpdate(b,i.__s,L)===!1){t.__v!=n.__v&&(i.props=b,i.state=i.__s,i.__d=!1),t.__e=n.__e,t.__k=n.__k,t.__k.some(function(W){W&&(W.__=t)}),$e.push.apply(i.__h,i._sb),i._sb=[],i.__h.length&&d.push(i),c=re(n);break e}i.componentWillUpdate!=null&&i.componentWillUpdate(b,i.__s,L),x&&i.componentDidUpdate!=null&&i.__h.push(function(){i.componentDidUpdate(f,k,y)})}if(i.context=L,i.props=b,i.__P=e,i.__e=!1,D=A.__r,Y=0,x)i.state=i.__s,i.__d=!1,D&&D(t),u=i.render(i.props,i.state,i.context),$e.push.apply(i.__h,i._sb),i._sb=[];else do i.__d=!1,D&&D(t),u=i.render(i.props,i.state,i.context),i.state=i.__s;while(i.__d&&++Y<25);i.state=i.__s,i.getChildContext!=null&&(o=K(K({},o),i.getChildContext())),x&&!_&&i.getSnapshotBeforeUpdate!=null&&(y=i.getSnapshotBeforeUpdate(f,k)),O=u!=null&&u.type===Q&&u.key==null?jt(u.props.children):u,c=Tt(e,Ie(O)?O:[O],t,n,o,s,l,d,c,h,a),i.base=t.__e,t.__u&=-161,i.__h.length&&d.push(i),p&&(i.__E=i.__=null)}catch(W){if(d.length=g,t.__v=null,h||l!=null){if(W.then){for(t.__u|=h?160:128;c&&c.nodeType==8&&c.nextSibling;)c=c.nextSibling;l!=null&&(l[l.indexOf(c)]=null),t.__e=c}else if(l!=null)for(X=l.length;X--;)qe(l[X])}else t.__e=n.__e;t.__k==null&&(t.__k=n.__k||[]),W.then||At(t),A.__e(W,t,n)}}else l==null&&t.__v==n.__v?(t.__k=n.__k,t.__e=n.__e):c=t.__e=zt(n.__e,t,n,o,s,l,d,h,a);return(u=A.diffed)&&u(t),128&t.__u?void 0:c}function At(e){e&&(e.__c&&(e.__c.__e=!0),e.__k&&e.__k.some(At))}function Rt(e,t,n){for(var o=0;o<n.length;o++)Ue(n[o],n[++o],n[++o]);A.__c&&A.__c(t,e),e.some(function(s){try{e=s.__h,s.__h=[],e.some(function(l){l.call(s)})}catch(l){A.__e(l,s.__v)}})}function jt(e){return typeof e!="object"||e==null||e.__b>0?e:Ie(e)?e.map(jt):e.constructor!==void 0?null:K({},e)}function zt(e,t,n,o,s,l,d,c,h){var a,u,g,i,_,f,k,y=n.props||Se,p=t.props,b=t.type;if(b=="svg"?s="http://www.w3.org/2000/svg":b=="math"?s="http://www.w3.org/1998/Math/MathML":s||(s="http://www.w3.org/1999/xhtml"),l!=null){for(a=0;a<l.length;a++)if((_=l[a])&&"setAttribute"in _==!!b&&(b?_.localName==b:_.nodeType==3)){e=_,l[a]=null;break}}if(e==null){if(b==null)return document.createTextNode(p);e=document.createElementNS(s,b,p.is&&p),c&&(A.__m&&A.__m(t,l),c=!1),l=null}if(b==null)y===p||c&&e.data==p||(e.data=p);else{if(l=b=="textarea"&&p.defaultValue!=null?null:l&&Ee.call(e.childNodes),!c&&l!=null)for(y={},a=0;a<e.attributes.length;a++)y[(_=e.attributes[a]).name]=_.value;for(a in y)_=y[a],a=="dangerouslySetInnerHTML"?g=_:a=="children"||a in p||a=="value"&&"defaultValue"in p||a=="checked"&&"defaultChecked"in p||me(e,a,null,_,s);for(a in p)_=p[a],a=="children"?i=_:a=="dangerouslySetInnerHTML"?u=_:a=="value"?f=_:a=="checked"?k=_:c&&typeof _!="function"||y[a]===_||me(e,a,_,y[a],s);if(u)c||g&&(u.__html==g.__html||u.__html==e.innerHTML)||(e.innerHTML=u.__html),t.__k=[];else if(g&&(e.innerHTML=""),Tt(t.type=="template"?e.content:e,Ie(i)?i:[i],t,n,o,b=="foreignObject"?"http://www.w3.org/1999/xhtml":s,l,d,l?l[0]:n.__k&&re(n,0),c,h),l!=null)for(a=l.length;a--;)qe(l[a]);c&&b!="textarea"||(a="value",b=="progress"&&f==null?e.removeAttribute("value"):f!=null&&(f!==e[a]||b=="progress"&&!f||b=="option"&&f!=y[a])&&me(e,a,f,y[a],s),a="checked",k!=null&&k!=e[a]&&me(e,a,k,y[a],s))}return e}function Ue(e,t,n){try{if(typeof e=="function"){var o=typeof e.__u=="function";o&&e.__u(),o&&t==null||(e.__u=e(t))}else e.current=t}catch(s){A.__e(s,n)}}function Nt(e,t,n){var o,s;if(A.unmount&&A.unmount(e),(o=e.ref)&&(o.current&&o.current!=e.__e||Ue(o,null,t)),(o=e.__c)!=null){if(o.componentWillUnmount)try{o.componentWillUnmount()}catch(l){A.__e(l,t)}o.base=o.__P=o.__n=null}if(o=e.__k)for(s=0;s<o.length;s++)o[s]&&Nt(o[s],t,n||typeof e.type!="function");n||qe(e.__e),e.__c=e.__=e.__e=void 0}function Jt(e,t,n){return this.constructor(e,n)}function Xt(e,t,n){var o,s,l,d;t==document&&(t=document.documentElement),A.__&&A.__(e,t),s=(o=!1)?null:t.__k,l=[],d=[],Fe(t,e=t.__k=Ut(Q,null,[e]),s||Se,Se,t.namespaceURI,s?null:t.firstChild?Ee.call(t.childNodes):null,l,s?s.__e:t.firstChild,o,d),Rt(l,e,d),e.props.children=null}Ee=$e.slice,A={__e:function(e,t,n,o){for(var s,l,d;t=t.__;)if((s=t.__c)&&!s.__)try{if((l=s.constructor)&&l.getDerivedStateFromError!=null&&(s.setState(l.getDerivedStateFromError(e)),d=s.__d),s.componentDidCatch!=null&&(s.componentDidCatch(e,o||{}),d=s.__d),d)return s.__E=s}catch(c){e=c}throw e}},St=0,ye.prototype.setState=function(e,t){var n;n=this.__s!=null&&this.__s!=this.state?this.__s:this.__s=K({},this.state),typeof e=="function"&&(e=e(K({},n),this.props)),e&&K(n,e),e!=null&&this.__v&&(t&&this._sb.push(t),Ke(this))},ye.prototype.forceUpdate=function(e){this.__v&&(this.__e=!0,e&&this.__h.push(e),Ke(this))},ye.prototype.render=Q,ee=[],$t=typeof Promise=="function"?Promise.prototype.then.bind(Promise.resolve()):setTimeout,xt=function(e,t){return e.__v.__b-t.__v.__b},xe.__r=0,Ce=Math.random().toString(8),_e="__d"+Ce,ae="__a"+Ce,Et=/(PointerCapture)$|Capture$/i,Be=0,Pe=Ze(!1),Me=Ze(!0);var Qt=0;function r(e,t,n,o,s,l){t||(t={});var d,c,h=t;if("ref"in h)for(c in h={},t)c=="ref"?d=t[c]:h[c]=t[c];var a={type:e,props:h,key:n,ref:d,__k:null,__:null,__b:0,__e:null,__c:null,constructor:void 0,__v:--Qt,__i:-1,__u:0,__source:s,__self:l};if(typeof e=="function"&&(d=e.defaultProps))for(c in d)h[c]===void 0&&(h[c]=d[c]);return A.vnode&&A.vnode(a),a}var de,N,Ae,et,ue=0,Pt=[],P=A,tt=P.__b,nt=P.__r,rt=P.diffed,ot=P.__c,it=P.unmount,st=P.__;function Ve(e,t){P.__h&&P.__h(N,e,ue||t),ue=0;var n=N.__H||(N.__H={__:[],__h:[]});return e>=n.__.length&&n.__.push({}),n.__[e]}function I(e){return ue=1,Kt(Ht,e)}function Kt(e,t,n){var o=Ve(de++,2);if(o.t=e,!o.__c&&(o.__=[Ht(void 0,t),function(c){var h=o.__N?o.__N[0]:o.__[0],a=o.t(h,c);h!==a&&(o.__N=[a,o.__[1]],o.__c.setState({}))}],o.__c=N,!N.__f)){var s=function(c,h,a){if(!o.__c.__H)return!0;var u=!1,g=o.__c.props!==c;if(o.__c.__H.__.some(function(_){if(_.__N){u=!0;var f=_.__[0];_.__=_.__N,_.__N=void 0,f!==_.__[0]&&(g=!0)}}),l){var i=l.call(this,c,h,a);return u?i||g:i}return!u||g};N.__f=!0;var l=N.shouldComponentUpdate,d=N.componentWillUpdate;N.componentWillUpdate=function(c,h,a){if(this.__e){var u=l;l=void 0,s(c,h,a),l=u}d&&d.call(this,c,h,a)},N.shouldComponentUpdate=s}return o.__N||o.__}function U(e,t){var n=Ve(de++,3);!P.__s&&Mt(n.__H,t)&&(n.__=e,n.u=t,N.__H.__h.push(n))}function Ge(e){return ue=5,We(function(){return{current:e}},[])}function We(e,t){var n=Ve(de++,7);return Mt(n.__H,t)&&(n.__=e(),n.__H=t,n.__h=e),n.__}function lt(e,t){return ue=8,We(function(){return e},t)}function Yt(){for(var e;e=Pt.shift();){var t=e.__H;if(e.__P&&t)try{t.__h.some(be),t.__h.some(He),t.__h=[]}catch(n){t.__h=[],P.__e(n,e.__v)}}}P.__b=function(e){N=null,tt&&tt(e)},P.__=function(e,t){e&&t.__k&&t.__k.__m&&(e.__m=t.__k.__m),st&&st(e,t)},P.__r=function(e){nt&&nt(e),de=0;var t=(N=e.__c).__H;t&&(Ae===N?(t.__h=[],N.__h=[],t.__.some(function(n){n.__N&&(n.__=n.__N),n.u=n.__N=void 0})):(t.__h.some(be),t.__h.some(He),t.__h=[],de=0)),Ae=N},P.diffed=function(e){rt&&rt(e);var t=e.__c;t&&t.__H&&(t.__H.__h.length&&(Pt.push(t)!==1&&et===P.requestAnimationFrame||((et=P.requestAnimationFrame)||Zt)(Yt)),t.__H.__.some(function(n){n.u&&(n.__H=n.u,n.u=void 0)})),Ae=N=null},P.__c=function(e,t){t.some(function(n){try{n.__h.some(be),n.__h=n.__h.filter(function(o){return!o.__||He(o)})}catch(o){t.some(function(s){s.__h&&(s.__h=[])}),t=[],P.__e(o,n.__v)}}),ot&&ot(e,t)},P.unmount=function(e){it&&it(e);var t,n=e.__c;n&&n.__H&&(n.__H.__.some(function(o){try{be(o)}catch(s){t=s}}),n.__H=void 0,t&&P.__e(t,n.__v))};var at=typeof requestAnimationFrame=="function";function Zt(e){var t,n=function(){clearTimeout(o),at&&cancelAnimationFrame(t),setTimeout(e)},o=setTimeout(n,35);at&&(t=requestAnimationFrame(n))}function be(e){var t=N,n=e.__c;typeof n=="function"&&(e.__c=void 0,n()),N=t}function He(e){var t=N;e.__c=e.__(),N=t}function Mt(e,t){return!e||e.length!==t.length||t.some(function(n,o){return n!==e[o]})}function Ht(e,t){return typeof t=="function"?t(e):t}function G(e){return e===null?"null":Array.isArray(e)?"array":typeof e}function ne(e){return G(e)==="object"}function en(e){return Array.isArray(e)&&e.length>0&&e.every(t=>"message"in t)}function ct(e,t){return e.length<124?e:t}const tn="graphql-transport-ws";var z=(e=>(e[e.InternalServerError=4500]="InternalServerError",e[e.InternalClientError=4005]="InternalClientError",e[e.BadRequest=4400]="BadRequest",e[e.BadResponse=4004]="BadResponse",e[e.Unauthorized=4401]="Unauthorized",e[e.Forbidden=4403]="Forbidden",e[e.SubprotocolNotAcceptable=4406]="SubprotocolNotAcceptable",e[e.ConnectionInitialisationTimeout=4408]="ConnectionInitialisationTimeout",e[e.ConnectionAcknowledgementTimeout=4504]="ConnectionAcknowledgementTimeout",e[e.SubscriberAlreadyExists=4409]="SubscriberAlreadyExists",e[e.TooManyInitialisationRequests=4429]="TooManyInitialisationRequests",e))(z||{}),J=(e=>(e.ConnectionInit="connection_init",e.ConnectionAck="connection_ack",e.Ping="ping",e.Pong="pong",e.Subscribe="subscribe",e.Next="next",e.Error="error",e.Complete="complete",e))(J||{});function Dt(e){if(!ne(e))throw new Error(`Message is expected to be an object, but got ${G(e)}`);if(!e.type)throw new Error("Message is missing the 'type' property");if(typeof e.type!="string")throw new Error(`Message is expects the 'type' property to be a string, but got ${G(e.type)}`);switch(e.type){case"connection_init":case"connection_ack":case"ping":case"pong":{if(e.payload!=null&&!ne(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an object or nullish or missing, but got "${e.payload}"`);break}case"subscribe":{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${G(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);if(!ne(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an object, but got ${G(e.payload)}`);if(typeof e.payload.query!="string")throw new Error(`"${e.type}" message payload expects the 'query' property to be a string, but got ${G(e.payload.query)}`);if(e.payload.variables!=null&&!ne(e.payload.variables))throw new Error(`"${e.type}" message payload expects the 'variables' property to be a an object or nullish or missing, but got ${G(e.payload.variables)}`);if(e.payload.operationName!=null&&G(e.payload.operationName)!=="string")throw new Error(`"${e.type}" message payload expects the 'operationName' property to be a string or nullish or missing, but got ${G(e.payload.operationName)}`);if(e.payload.extensions!=null&&!ne(e.payload.extensions))throw new Error(`"${e.type}" message payload expects the 'extensions' property to be a an object or nullish or missing, but got ${G(e.payload.extensions)}`);break}case"next":{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${G(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);if(!ne(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an object, but got ${G(e.payload)}`);break}case"error":{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${G(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);if(!en(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an array of GraphQL errors, but got ${JSON.stringify(e.payload)}`);break}case"complete":{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${G(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);break}default:throw new Error(`Invalid message 'type' property "${e.type}"`)}return e}function nn(e,t){return Dt(typeof e=="string"?JSON.parse(e,t):e)}function se(e,t){return Dt(e),JSON.stringify(e,t)}function rn(e){const{url:t,connectionParams:n,lazy:o=!0,onNonLazyError:s=console.error,lazyCloseTimeout:l=0,keepAlive:d=0,disablePong:c,connectionAckWaitTimeout:h=0,retryAttempts:a=5,retryWait:u=async function(C){const $=Math.pow(2,C);await new Promise(m=>setTimeout(m,$*1e3+Math.floor(Math.random()*2700+300)))},shouldRetry:g=Re,on:i,webSocketImpl:_,generateID:f=function(){return"xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx".replace(/[xy]/g,C=>{const $=Math.random()*16|0;return(C=="x"?$:$&3|8).toString(16)})},jsonMessageReplacer:k,jsonMessageReviver:y}=e;let p;if(_){if(!sn(_))throw new Error("Invalid WebSocket implementation provided");p=_}else typeof WebSocket<"u"?p=WebSocket:typeof global<"u"?p=global.WebSocket||global.MozWebSocket:typeof window<"u"&&(p=window.WebSocket||window.MozWebSocket);if(!p)throw new Error("WebSocket implementation missing; on Node you can `import WebSocket from 'ws';` and pass `webSocketImpl: WebSocket` to `createClient`");const b=p,x=(()=>{const E=(()=>{const $={};return{on(m,w){return $[m]=w,()=>{delete $[m]}},emit(m){"id"in m&&$[m.id]?.(m)}}})(),C={connecting:i?.connecting?[i.connecting]:[],opened:i?.opened?[i.opened]:[],connected:i?.connected?[i.connected]:[],ping:i?.ping?[i.ping]:[],pong:i?.pong?[i.pong]:[],message:i?.message?[E.emit,i.message]:[E.emit],closed:i?.closed?[i.closed]:[],error:i?.error?[i.error]:[]};return{onMessage:E.on,on($,m){const w=C[$];return w.push(m),()=>{const S=w.indexOf(m);S>-1&&w.splice(S,1)}},emit($,...m){for(const w of[...C[$]])w(...m)}}})();function H(E){const C=[x.on("error",$=>{C.forEach(m=>m()),E($)}),x.on("closed",$=>{C.forEach(m=>m()),E($)})];return()=>C.forEach($=>$())}let L,D=0,Y,O=!1,X=0,B=!1;async function W(){clearTimeout(Y);const[E,C]=await(L??(L=new Promise((w,S)=>(async()=>{if(O){if(await u(X),!D)return L=void 0,S({code:1e3,reason:"All Subscriptions Gone"});X++}x.emit("connecting",O);const v=new b(typeof t=="function"?await t():t,tn);let T,j;function R(){isFinite(d)&&d>0&&(clearTimeout(j),j=setTimeout(()=>{v.readyState===b.OPEN&&(v.send(se({type:J.Ping})),x.emit("ping",!1,void 0))},d))}H(F=>{L=void 0,clearTimeout(T),clearTimeout(j),S(F),F instanceof dt&&(v.close(4499,"Terminated"),v.onerror=null,v.onclose=null)}),v.onerror=F=>x.emit("error",F),v.onclose=F=>x.emit("closed",F),v.onopen=async()=>{try{x.emit("opened",v);const F=typeof n=="function"?await n():n;if(v.readyState!==b.OPEN)return;v.send(se(F?{type:J.ConnectionInit,payload:F}:{type:J.ConnectionInit},k)),isFinite(h)&&h>0&&(T=setTimeout(()=>{v.close(z.ConnectionAcknowledgementTimeout,"Connection acknowledgement timeout")},h)),R()}catch(F){x.emit("error",F),v.close(z.InternalClientError,ct(F instanceof Error?F.message:String(F),"Internal client error"))}};let Z=!1;v.onmessage=({data:F})=>{try{const q=nn(F,y);if(x.emit("message",q),q.type==="ping"||q.type==="pong"){x.emit(q.type,!0,q.payload),q.type==="pong"?R():c||(v.send(se(q.payload?{type:J.Pong,payload:q.payload}:{type:J.Pong},k)),x.emit("pong",!1,q.payload));return}if(Z)return;if(q.type!==J.ConnectionAck)throw new Error(`First message cannot be of type ${q.type}`);clearTimeout(T),Z=!0,x.emit("connected",v,q.payload,O),O=!1,X=0;const Xe=new Promise((vr,qt)=>H(qt));Xe.catch(()=>{}),w([v,Xe])}catch(q){v.onmessage=null,x.emit("error",q),v.close(z.BadResponse,ct(q instanceof Error?q.message:String(q),"Bad response"))}}})())));E.readyState===b.CLOSING&&await C;let $=()=>{};const m=new Promise(w=>$=w);return[E,$,new Promise((w,S)=>{const v=H(S);E.readyState!==b.OPEN&&C.catch(S),m.then(()=>{if(v(),!D){const T=()=>E.close(1e3,"Normal Closure");isFinite(l)&&l>0?(clearTimeout(Y),Y=setTimeout(()=>{!D&&E.readyState===b.OPEN&&T()},l)):T()}w()})})]}function pe(E){if(Re(E)&&(on(E.code)||[z.InternalServerError,z.InternalClientError,z.BadRequest,z.BadResponse,z.Unauthorized,z.SubprotocolNotAcceptable,z.SubscriberAlreadyExists,z.TooManyInitialisationRequests].includes(E.code)))throw E;if(B)return!1;if(Re(E)&&E.code===1e3)return D>0;if(!a||X>=a||!g(E))throw E;return O=!0}o||(async()=>{for(D++;;)try{const[,,E]=await W();await E}catch(E){try{if(!pe(E))return}catch(C){return s?.(C)}}})();function fe(E,C){const $=f(E);let m=!1,w=!1,S=()=>{D--,m=!0};return(async()=>{for(D++;;)try{const[v,T,j]=await W();if(m)return j.catch(()=>{}),T();const R=x.onMessage($,Z=>{switch(Z.type){case J.Next:{C.next(Z.payload);return}case J.Error:{w=!0,m=!0,C.error(Z.payload),S();return}case J.Complete:{m=!0,S();return}}});v.send(se({id:$,type:J.Subscribe,payload:E},k)),S=()=>{!m&&v.readyState===b.OPEN&&v.send(se({id:$,type:J.Complete},k)),D--,m=!0,T()},await j.finally(R);return}catch(v){if(!pe(v))return}})().then(()=>{w||C.complete()}).catch(v=>{C.error(v)}),()=>{m||S()}}return{on:x.on,subscribe:fe,iterate(E){const C=[],$={done:!1,error:null,resolve:()=>{}},m=fe(E,{next(S){C.push(S),$.resolve()},error(S){$.done=!0,$.error=S,$.resolve()},complete(){$.done=!0,$.resolve()}}),w=(async function*(){for(;;){for(C.length||await new Promise(v=>$.resolve=v);C.length;)yield C.shift();if($.error)throw $.error;if($.done)return}})();return w.throw=async S=>($.done||($.done=!0,$.error=S,$.resolve()),{done:!0,value:void 0}),w.return=async()=>(m(),{done:!0,value:void 0}),w},async dispose(){if(B=!0,L){const[E]=await L;E.close(1e3,"Normal Closure")}},terminate(){L&&x.emit("closed",new dt)}}}class dt extends Error{name="TerminatedCloseEvent";message="4499: Terminated";code=4499;reason="Terminated";wasClean=!1}function Re(e){return ne(e)&&"code"in e&&"reason"in e}function on(e){return[1e3,1001,1006,1005,1012,1013,1014].includes(e)?!1:e>=1e3&&e<=1999}function sn(e){return typeof e=="function"&&"constructor"in e&&"CLOSED"in e&&"CLOSING"in e&&"CONNECTING"in e&&"OPEN"in e}let te=null;async function ln(){const e=await fetch("/api/session",{headers:{Accept:"application/json"}});if(!e.ok)return te=null,null;const t=await e.json();return te={user:t.user,admin:t.admin,csrfToken:t.csrf_token},te}async function an(){const e={Accept:"application/json"};te&&(e["X-CSRF-Token"]=te.csrfToken),await fetch("/logout",{method:"POST",headers:e}),te=null}function he(e=location.pathname+location.search){return"/login?next="+encodeURIComponent(e)}class we extends Error{errors;constructor(t){super(t.map(n=>n.message).join("; ")||"request failed"),this.errors=t}has(t){return this.errors.some(n=>n.code===t)}}async function V(e,t,n){const o={"Content-Type":"application/json",Accept:"application/json"};te&&(o["X-CSRF-Token"]=te.csrfToken);const s={method:"POST",headers:o,body:JSON.stringify({query:e.toString(),variables:t}),credentials:"same-origin"},l=await fetch("/graphql",s);let d;try{d=await l.json()}catch{throw new we([{message:`HTTP ${l.status}`,code:l.status===401?"UNAUTHENTICATED":null}])}if(d.errors?.length)throw new we(d.errors.map(c=>({message:c.message,code:c.extensions?.code??null})));if(d.data==null)throw new we([{message:`HTTP ${l.status}`,code:null}]);return d.data}let je=null;function cn(){if(!je){const e=location.protocol==="https:"?"wss:":"ws:";je=rn({url:`${e}//${location.host}/graphql`,lazy:!0,retryAttempts:1/0,shouldRetry:()=>!0,retryWait:async t=>{await new Promise(n=>setTimeout(n,Math.min(1e3*2**t,15e3)))}})}return je}function ut(e,t,n,o){return cn().subscribe({query:e.toString(),variables:t},{next:s=>{s.data&&n(s.data)},error:s=>o?.(s),complete:()=>{}})}const De=new Set;function Ot(){for(const e of De)e()}window.addEventListener("popstate",Ot);function Oe(e,t=!1){e!==location.pathname+location.search&&(t?history.replaceState(null,"",e):history.pushState(null,"",e),Ot())}function dn(){const[,e]=I(0);return U(()=>{const t=()=>e(n=>n+1);return De.add(t),()=>{De.delete(t)}},[]),{path:location.pathname,query:new URLSearchParams(location.search)}}const un=["/graphql","/login","/logout","/api/"];function hn(e){e.addEventListener("click",t=>{if(t.defaultPrevented||t.button!==0||t.metaKey||t.ctrlKey||t.shiftKey||t.altKey)return;const o=t.target?.closest("a");if(!o||o.target||o.hasAttribute("download"))return;const s=new URL(o.href,location.href);s.origin===location.origin&&(un.some(l=>s.pathname===l||s.pathname.startsWith(l))||(t.preventDefault(),Oe(s.pathname+s.search)))})}function ze(e){return"/projects/"+encodeURIComponent(e)}function oe(e){if(!e)return"—";const t=new Date(e);return Number.isNaN(t.getTime())?e:t.toISOString().slice(0,16).replace("T"," ")+" UTC"}function ht(e,t=Date.now()){if(!e)return"never";const n=Math.round((t-new Date(e).getTime())/1e3);return n<60?`${Math.max(n,0)} s ago`:n<3600?`${Math.round(n/60)} min ago`:n<86400?`${Math.round(n/3600)} h ago`:`${Math.round(n/86400)} d ago`}function Je(e){if(e==null)return"";if(typeof e=="number"){if(Number.isInteger(e))return String(e);const t=Math.abs(e);return t!==0&&(t<.001||t>=1e6)?e.toExponential(3):String(Number(e.toPrecision(5)))}return typeof e=="string"?e:typeof e=="boolean"?e?"true":"false":JSON.stringify(e)}function Le(e){const t=Je(e);return e>0?"+"+t:t}function pn(e){return e.split(":").slice(2).join(":")||e}class M extends String{__apiType;value;__meta__;constructor(t,n){super(t),this.value=t,this.__meta__=n}toString(){return this.value}}new M(`
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
    `,{fragmentName:"RowFields"});new M(`
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
    `,{fragmentName:"ViewFields"});const fn=new M(`
    query CompareRows($projectId: ID!, $ids: [ID!]!, $baseline: ID) {
  node(id: $projectId) {
    ... on Project {
      compare(ids: $ids, baseline: $baseline) {
        experiments {
          id
          kind
          name
          sha
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
    `),mn=new M(`
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
    `),_n=new M(`
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
    `),gn=new M(`
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
}`),yn=new M(`
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
    `),bn=new M(`
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
}`),wn=new M(`
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
}`),vn=new M(`
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
}`),kn=new M(`
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
    `),Sn=new M(`
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
    `),$n=new M(`
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
}`),xn=new M(`
    mutation DeleteView($input: DeleteViewInput!) {
  deleteView(input: $input) {
    deletedId
    errors {
      code
      message
    }
  }
}
    `);new M(`
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
    `);const En=new M(`
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
}`),In=new M(`
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
}`),Tn=new M(`
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
    `),Cn=new M(`
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
    `),An=new M(`
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
    `);function ie(e){U(()=>{document.title=e?`${e} · gitstudio`:"gitstudio"},[e])}function Rn(){return ie("Not found"),r("section",{children:[r("h1",{children:"Not found"}),r("p",{children:["No page here. ",r("a",{href:"/",children:"All projects"})]})]})}function jn(e){return ie(e.title),r("section",{children:[r("h1",{children:e.title}),r("p",{children:[e.what," is not built into the dashboard yet; the ",r("a",{href:"/graphql",children:"GraphQL API"})," has it."]})]})}function Nn(e){return r("div",{class:"notice",role:"alert","data-testid":"sign-in-needed",children:e.signedIn?r("p",{children:[e.what," does not exist or you may not read it."]}):r("p",{children:[e.what," is not public. ",r("a",{href:he(),children:"Sign in"})," to see it."]})})}function Te(e){const t=e.error instanceof Error?e.error.message:String(e.error);return r("div",{class:"notice error",role:"alert",children:r("p",{children:t})})}const Pn=15e3;function Mn(e){ie("Projects");const[t,n]=I(null),[o,s]=I(0),[l,d]=I(null),[c,h]=I(null);return U(()=>{let a=!1;const u=async()=>{try{const i=[];let _=null,f=0,k=!1;for(let y=0;y<20;y++){const p=await V(_n,{after:_});if(i.push(...p.projects.nodes),f=p.projects.totalCount,k=p.projects.pageInfo.hasNextPage,_=p.projects.pageInfo.endCursor,!k)break}if(a)return;n(i),s(f),d(k?_:null),h(null)}catch(i){a||h(i)}};u();const g=setInterval(()=>{u()},Pn);return()=>{a=!0,clearInterval(g)}},[]),r("section",{"aria-labelledby":"projects-title",children:[r("h1",{id:"projects-title",children:"Projects"}),c?r(Te,{error:c}):null,e.session?null:r("p",{class:"muted",children:["Signed out: only public projects are listed. ",r("a",{href:he("/"),children:"Sign in"})," to see yours."]}),t===null?r("p",{class:"muted",children:"Loading projects…"}):t.length===0?r("p",{children:"No projects yet. Add one with the createProject mutation or `gitstudio project add`."}):r(Q,{children:[r("table",{class:"projects","data-testid":"projects",children:[r("caption",{class:"sr-only",children:[o," projects"]}),r("thead",{children:r("tr",{children:[r("th",{scope:"col",children:"Project"}),r("th",{scope:"col",children:"Last sync"}),r("th",{scope:"col",children:"State"}),r("th",{scope:"col",class:"num",children:"Commits"}),r("th",{scope:"col",class:"num",children:"Rows"}),r("th",{scope:"col",children:"Running live experiments"})]})}),r("tbody",{children:t.map(a=>r("tr",{"data-testid":"project","data-project":a.name,children:[r("th",{scope:"row",children:[r("a",{href:ze(a.name),children:a.name}),r("div",{class:"muted small",title:a.repoUrl,children:[a.visibility.toLowerCase()," · ",a.defaultBranch??"no default branch"]})]}),r("td",{title:oe(a.lastSyncedAt),children:ht(a.lastSyncedAt)}),r("td",{children:[r("span",{class:`badge sync-${a.syncState.toLowerCase()}`,children:a.syncState.toLowerCase()}),a.lastSyncError?r("div",{class:"sync-error","data-testid":"sync-error",children:a.lastSyncError}):null]}),r("td",{class:"num",children:a.commits.totalCount}),r("td",{class:"num","data-testid":"row-count",children:a.rows.totalCount}),r("td",{"data-testid":"running",children:a.running.totalCount===0?r("span",{class:"muted",children:"none"}):r("ul",{class:"running",children:[a.running.nodes.map(u=>r("li",{children:[r("span",{class:"live-dot","aria-hidden":"true"}),u.name??u.id," · step ",u.lastStep??0," · ",ht(u.lastEventAt)]},u.id)),a.running.totalCount>a.running.nodes.length?r("li",{class:"muted",children:["and ",a.running.totalCount-a.running.nodes.length," more"]}):null]})})]},a.id))})]}),l?r("p",{class:"muted",children:["Showing the first ",t.length," of ",o," projects."]}):null]})]})}const Hn=(function(){const t=typeof document<"u"&&document.createElement("link").relList;return t&&t.supports&&t.supports("modulepreload")?"modulepreload":"preload"})(),Dn=function(e){return"/"+e},pt={},ft=function(t,n,o){let s=Promise.resolve();if(n&&n.length>0){let a=function(u){return Promise.all(u.map(g=>Promise.resolve(g).then(i=>({status:"fulfilled",value:i}),i=>({status:"rejected",reason:i}))))};var d=a;document.getElementsByTagName("link");const c=document.querySelector("meta[property=csp-nonce]"),h=c?.nonce||c?.getAttribute("nonce");s=a(n.map(u=>{if(u=Dn(u),u in pt)return;pt[u]=!0;const g=u.endsWith(".css"),i=g?'[rel="stylesheet"]':"";if(document.querySelector(`link[href="${u}"]${i}`))return;const _=document.createElement("link");if(_.rel=g?"stylesheet":Hn,g||(_.as="script"),_.crossOrigin="",_.href=u,h&&_.setAttribute("nonce",h),document.head.appendChild(_),g)return new Promise((f,k)=>{_.addEventListener("load",f),_.addEventListener("error",()=>k(new Error(`Unable to preload CSS for ${u}`)))})}))}function l(c){const h=new Event("vite:preloadError",{cancelable:!0});if(h.payload=c,window.dispatchEvent(h),!h.defaultPrevented)throw c}return s.then(c=>{for(const h of c||[])h.status==="rejected"&&l(h.reason);return t().catch(l)})};async function On(e,t){const[{default:n},{expressionInterpreter:o}]=await Promise.all([ft(()=>import("./embed-ji_c-7H5.js"),__vite__mapDeps([0,1])),ft(()=>import("./vega-interpreter-BmnYaw1U.js").then(l=>l.v),[])]),s=await n(e,t,{ast:!0,expr:o,actions:!1,defaultStyle:!1,renderer:"canvas",tooltip:{disableDefaultStyle:!0}});return{finalize:()=>s.finalize()}}function Ln(e){const[t,n]=I(null),[o,s]=I(null),[l,d]=I(!0),c=e.ids.join(",");U(()=>{let u=!1;return n(null),V(fn,{projectId:e.projectId,ids:e.ids,baseline:e.baselineId}).then(g=>{const i=g.node;!u&&i&&"compare"in i&&n(i.compare)}).catch(g=>{u||s(g instanceof Error?g.message:String(g))}),()=>{u=!0}},[e.projectId,c,e.baselineId]);const h=new Set(t?.differing??[]),a=t?t.rows.filter(u=>!l||h.has(u.column)):[];return r("section",{class:"compare","aria-labelledby":"compare-title","data-testid":"compare-panel",children:[r("div",{class:"compare-head",children:[r("h2",{id:"compare-title",children:["Compare ",e.ids.length," rows"]}),r("label",{children:[r("input",{type:"checkbox",checked:l,onChange:u=>d(u.currentTarget.checked)})," only columns that differ"]}),r("button",{type:"button",onClick:e.onClose,children:"Close compare"})]}),o?r("p",{class:"sync-error",children:o}):null,!t&&!o?r("p",{class:"muted",children:"Loading…"}):null,t?r(Q,{children:[r("div",{class:"compare-table-wrap",children:r("table",{class:"compare-table",children:[r("thead",{children:r("tr",{children:[r("th",{scope:"col",children:"Column"}),t.experiments.map(u=>r("th",{scope:"col",children:u.name??u.sha?.slice(0,7)??u.id},u.id))]})}),r("tbody",{children:a.map(u=>r("tr",{children:[r("th",{scope:"row",title:u.column,children:u.column}),u.values.map((g,i)=>{const _=u.deltas[i],f=u.better[i];return r("td",{class:`num ${f===!0?"better":f===!1?"worse":""}`,children:[Je(g),_!=null&&_!==0?r("span",{class:"delta",children:[" (",Le(_),")"]}):null]},i)})]},u.column))})]})}),r("div",{class:"plots","data-testid":"plots",children:[t.plots.map(u=>r(Bn,{plot:u},u.id)),t.plots.length===0?r("p",{class:"muted",children:"These rows have no plots."}):null]}),t.plotErrors.length?r("ul",{class:"plot-errors",children:t.plotErrors.map((u,g)=>r("li",{class:"sync-error",children:[u.revision,": ",u.plot??"all plots",": ",u.message]},g))}):null]}):null]})}function Bn(e){const{plot:t}=e;return t.kind==="IMAGE"?r("figure",{class:"plot","data-testid":"plot","data-plot":t.id,children:[r("figcaption",{children:t.id}),r("div",{class:"images",children:t.images.map(n=>r("img",{src:n.url,alt:`${t.id} of ${n.revision}${n.step!==null?` at step ${n.step}`:""}`,loading:"lazy"},n.url))})]}):r("figure",{class:"plot","data-testid":"plot","data-plot":t.id,children:[r("figcaption",{children:t.id}),r(qn,{spec:t.spec})]})}function qn(e){const t=Ge(null),[n,o]=I("loading");return U(()=>{const s=t.current;if(!s||e.spec==null)return;let l=null,d=!1;return On(s,e.spec).then(c=>{d?c.finalize():(l=c,o("ready"))}).catch(c=>o(c instanceof Error?c.message:String(c))),()=>{d=!0,l?.finalize()}},[e.spec]),r("div",{class:"chart-wrap","data-state":n==="loading"||n==="ready"?n:"error",children:[r("div",{ref:t,class:"chart","data-testid":"chart"}),n!=="loading"&&n!=="ready"?r("p",{class:"sync-error",children:n}):null]})}const Fn=[{op:"EQ",label:"="},{op:"NE",label:"≠"},{op:"GT",label:">"},{op:"GTE",label:"≥"},{op:"LT",label:"<"},{op:"LTE",label:"≤"},{op:"CONTAINS",label:"contains"},{op:"EXISTS",label:"exists"}],Un=[{field:"BRANCH",label:"Branch"},{field:"AUTHOR",label:"Author"},{field:"MESSAGE",label:"Message"},{field:"COMMITTED_AT",label:"Created"}],Vn={branch:"",onBranch:"",tag:"",detached:"",author:"",message:""};function Lt(e){const t=e.filter(o=>o.kind==="METRIC").map(o=>o.id),n=e.filter(o=>o.kind==="PARAM").map(o=>o.id);return t.length+n.length<=40?[...t,...n]:[...t.slice(0,20),...n.slice(0,20)]}function mt(e){return{columns:Lt(e.columns),sort:null,git:{...Vn},conditions:[],showHidden:!1,groupByBranch:!0,baselineId:null,baseline:null,deltas:!1,viewGoals:{},view:null}}function ce(e){const t={},n=e.git;n.branch&&(t.branch=n.branch),n.onBranch&&(t.onBranch=n.onBranch),n.tag&&(t.tag=n.tag),n.detached&&(t.detached=n.detached==="only"),n.author.trim()&&(t.author=n.author.trim()),n.message.trim()&&(t.message=n.message.trim());const o=e.conditions.filter(s=>s.column);return o.length&&(t.columns=o),e.showHidden&&(t.includeHidden=!0),t}function ve(e){return e?e.key.startsWith("field:")?[{field:e.key.slice(6),direction:e.direction}]:[{column:e.key,direction:e.direction}]:null}function _t(e){return(e.sort===null||e.sort.key==="field:COMMITTED_AT")&&e.conditions.length===0&&!e.git.author.trim()&&!e.git.message.trim()}function le(e){return typeof e=="string"?e:""}function gt(e,t,n,o=[]){const s=new Set(t.columns.map(i=>i.id)),l=e.filter??{},c=(Array.isArray(e.order)?e.order:[])[0];let h=null;if(c){const i=c.direction==="ASC"?"ASC":"DESC";typeof c.column=="string"&&c.column?h={key:c.column,direction:i}:typeof c.field=="string"&&c.field&&(h={key:"field:"+c.field,direction:i})}const a=l.detached===!0?"only":l.detached===!1?"none":"",u={};for(const i of o)i.goal&&(u[i.column]=i.goal);const g=e.columns.filter(i=>s.has(i));return{...n,columns:g.length?g:Lt(t.columns),sort:h,git:{branch:le(l.branch),onBranch:le(l.onBranch),tag:le(l.tag),detached:a,author:le(l.author),message:le(l.message)},conditions:Array.isArray(l.columns)?l.columns:[],showHidden:e.includeHidden,baselineId:e.baseline?.id??null,baseline:null,deltas:n.deltas&&e.baseline!==null,viewGoals:u,view:e.name}}function Gn(e,t){const n=new Map;for(const o of e.columnGoals)o.goal&&n.set(o.column,o.goal);for(const[o,s]of Object.entries(t.viewGoals))n.set(o,s);return n}function Wn(e){const t=e.trim();if(t==="")return null;try{return JSON.parse(t)}catch{return t}}function zn(e,t){const n=new URLSearchParams;n.set("filter",JSON.stringify(ce(t)));const o=ve(t.sort);o&&n.set("orderBy",JSON.stringify(o));for(const s of t.columns)n.append("columns",s);return`/api/projects/${e}/experiments.csv?${n.toString()}`}function Jn(e){const{project:t,state:n,update:o}=e,s=a=>o({git:{...n.git,...a}}),l=t.branches.filter(a=>n.showHidden||!a.hidden),d=n.conditions,c=(a,u)=>o({conditions:d.map((g,i)=>i===a?{...g,...u}:g)}),h=d.length+Object.values(n.git).filter(a=>a!=="").length;return r("details",{class:"panel","data-testid":"filters",children:[r("summary",{children:["Filters",h?` (${h})`:""]}),r("div",{class:"panel-body",children:[r("fieldset",{children:[r("legend",{children:"Git"}),r("label",{children:["Branch",r("select",{value:n.git.branch,onChange:a=>s({branch:a.currentTarget.value}),"data-testid":"filter-branch",children:[r("option",{value:"",children:"any"}),l.map(a=>r("option",{value:a.name,children:a.name},a.name))]})]}),r("label",{children:["Commits on branch",r("select",{value:n.git.onBranch,onChange:a=>s({onBranch:a.currentTarget.value}),children:[r("option",{value:"",children:"any"}),l.map(a=>r("option",{value:a.name,children:a.name},a.name))]})]}),r("label",{children:["Tag",r("select",{value:n.git.tag,onChange:a=>s({tag:a.currentTarget.value}),children:[r("option",{value:"",children:"any"}),t.tags.map(a=>r("option",{value:a.name,children:a.name},a.name))]})]}),r("label",{children:["Detached",r("select",{value:n.git.detached,onChange:a=>s({detached:a.currentTarget.value}),children:[r("option",{value:"",children:"shown"}),r("option",{value:"only",children:"only"}),r("option",{value:"none",children:"left out"})]})]}),r("label",{children:["Author",r("input",{type:"search",value:n.git.author,onChange:a=>s({author:a.currentTarget.value})})]}),r("label",{children:["Message",r("input",{type:"search",value:n.git.message,onChange:a=>s({message:a.currentTarget.value})})]})]}),r("fieldset",{children:[r("legend",{children:"Values"}),d.map((a,u)=>r("div",{class:"condition","data-testid":"condition",children:[r("label",{children:[r("span",{class:"sr-only",children:["Column of condition ",u+1]}),r("select",{value:a.column,onChange:g=>c(u,{column:g.currentTarget.value}),children:t.columns.map(g=>r("option",{value:g.id,children:g.id},g.id))})]}),r("label",{children:[r("span",{class:"sr-only",children:["Operator of condition ",u+1]}),r("select",{value:a.op,onChange:g=>c(u,{op:g.currentTarget.value}),children:Fn.map(g=>r("option",{value:g.op,children:g.label},g.op))})]}),a.op!=="EXISTS"?r("label",{children:[r("span",{class:"sr-only",children:["Value of condition ",u+1]}),r("input",{type:"text",value:a.value===null||a.value===void 0?"":typeof a.value=="string"?a.value:JSON.stringify(a.value),onChange:g=>c(u,{value:Wn(g.currentTarget.value)})})]}):null,r("button",{type:"button","aria-label":`Remove condition ${u+1}`,onClick:()=>o({conditions:d.filter((g,i)=>i!==u)}),children:"✕"})]},u)),r("button",{type:"button",disabled:t.columns.length===0,onClick:()=>{const a=t.columns.find(u=>u.kind==="METRIC")??t.columns[0];a&&o({conditions:[...d,{column:a.id,op:"GT",value:null}]})},children:"Add condition"})]}),h?r("button",{type:"button",onClick:()=>o({conditions:[],git:{branch:"",onBranch:"",tag:"",detached:"",author:"",message:""}}),children:"Clear filters"}):null]})]})}function Xn(e){const{project:t,state:n,update:o}=e,[s,l]=I(""),d=new Set(n.columns),c=new Map(t.columnGoals.map(f=>[f.column,f.goal])),h=(f,k)=>{const y=[...n.columns],p=y.indexOf(f),b=p+k;p<0||b<0||b>=y.length||([y[p],y[b]]=[y[b],y[p]],o({columns:y}))},a=(f,k)=>o({columns:k?[...n.columns,f]:n.columns.filter(y=>y!==f)}),u=(f,k)=>{const y={};for(const[p,b]of Object.entries(n.viewGoals))p!==f&&(y[p]=b);(k==="HIGHER"||k==="LOWER")&&(y[f]=k),o({viewGoals:y})},g=s.trim().toLowerCase(),i=new Map(t.columns.map(f=>[f.id,f])),_=[...n.columns.map(f=>i.get(f)).filter(f=>f!==void 0),...t.columns.filter(f=>!d.has(f.id))].filter(f=>!g||f.id.toLowerCase().includes(g));return r("details",{class:"panel","data-testid":"columns-chooser",children:[r("summary",{children:["Columns (",n.columns.length,"/",t.columns.length,")"]}),r("div",{class:"panel-body columns-body",children:[r("div",{class:"row-controls",children:[r("label",{children:["Find",r("input",{type:"search",value:s,onInput:f=>l(f.currentTarget.value)})]}),r("button",{type:"button",onClick:()=>o({columns:t.columns.map(f=>f.id)}),children:"Show all"}),r("button",{type:"button",onClick:()=>o({columns:[]}),children:"Hide all"})]}),r("ul",{class:"columns-list",children:_.map(f=>{const k=d.has(f.id),y=n.viewGoals[f.id]??"";return r("li",{"data-testid":"column-option","data-column":f.id,children:[r("label",{class:"grow",children:[r("input",{type:"checkbox",checked:k,onChange:p=>a(f.id,p.currentTarget.checked)}),r("span",{class:`kind kind-${f.kind.toLowerCase()}`,children:f.kind==="METRIC"?"M":"P"})," ",f.id]}),r("label",{children:[r("span",{class:"sr-only",children:["Goal of ",f.id]}),r("select",{value:y,onChange:p=>u(f.id,p.currentTarget.value),children:[r("option",{value:"",children:c.get(f.id)?`project: ${(c.get(f.id)??"").toLowerCase()}`:"no goal"}),r("option",{value:"HIGHER",children:"higher is better"}),r("option",{value:"LOWER",children:"lower is better"})]})]}),r("button",{type:"button",disabled:!k,"aria-label":`Move ${f.id} left`,onClick:()=>h(f.id,-1),children:"↑"}),r("button",{type:"button",disabled:!k,"aria-label":`Move ${f.id} right`,onClick:()=>h(f.id,1),children:"↓"})]},f.id)})})]})]})}function Qn(e){const[t,n]=I(""),[o,s]=I(!1),[l,d]=I(null),c=e.views.find(h=>h.name===e.current)??null;return r("div",{class:"views","data-testid":"views",children:[r("label",{children:["View",r("select",{value:e.current??"","data-testid":"view-select",onChange:h=>e.pick(h.currentTarget.value||null),children:[r("option",{value:"",children:"(none)"}),e.views.map(h=>r("option",{value:h.name,children:[h.name,h.shared?" (shared)":""]},h.id))]})]}),c?r("button",{type:"button",onClick:()=>{e.remove(c).then(d)},children:"Delete view"}):null,e.signedIn?r("form",{class:"save-view",onSubmit:h=>{h.preventDefault();const a=t.trim()||e.current||"";if(!a){d("Name the view");return}e.save(a,o).then(u=>{d(u??`Saved “${a}”`),u||n("")})},children:[r("label",{children:["Save as",r("input",{type:"text",value:t,placeholder:e.current??"view name",onInput:h=>n(h.currentTarget.value),"data-testid":"view-name"})]}),r("label",{children:[r("input",{type:"checkbox",checked:o,onChange:h=>s(h.currentTarget.checked)})," shared"]}),r("button",{type:"submit",children:"Save view"})]}):null,l?r("span",{class:"muted",role:"status",children:l}):null]})}const Kn=9e4,Yn=500,Zn=20;function er(e,t,n){const o=4+e,s=o+2+(t?1+Zn*o:0),l=Math.floor(Kn/s);return Math.max(5,Math.min(n?100:Yn,l))}function tr(e,t){const{commit:n,...o}=e,s={...o,committedAt:n?.committedAt,branches:n?.branches};return t&&e.kind==="COMMIT"&&(s.children=n?.experiments?[...n.experiments]:[]),s}class nr{query;segments;onChange;stopped=!1;itemsCache=null;collapsedBranches=new Set;collapsedRows=new Set;includeHidden;constructor(t,n,o){this.query=t,this.segments=n,this.onChange=o,this.includeHidden=!!t.filter.includeHidden}stop(){this.stopped=!0}isStopped(){return this.stopped}changed(){this.itemsCache=null,this.stopped||this.onChange()}async load(t){if(!(t.loading||!t.hasNext&&t.total!==null||this.stopped)){t.loading=!0;try{const n={projectId:this.query.projectId,filter:t.filter,orderBy:this.query.orderBy,first:er(this.query.columns.length,this.query.nested,t.total===null),after:t.cursor,columns:this.query.columns},o=this.query.nested?await V(vn,n):await V(wn,n);if(this.isStopped())return;const s=o.node;if(!s||!("experiments"in s))throw new Error("the project is gone");const l=s.experiments,d=new Set(t.rows.map(c=>c.id));for(const c of l.nodes)d.has(c.id)||t.rows.push(tr(c,this.query.nested));t.total=Math.max(l.totalCount,t.rows.length),t.cursor=l.pageInfo.endCursor,t.hasNext=l.pageInfo.hasNextPage,t.hasNext||(t.total=t.rows.length),t.error=null}catch(n){t.error=n instanceof Error?n.message:String(n),t.hasNext=!1,t.total=t.rows.length}finally{t.loading=!1,this.changed()}}}items(){if(this.itemsCache)return this.itemsCache;const t=[];for(const n of this.segments){if(n.label!==null&&(t.push({t:"branch",key:"b:"+n.key,seg:n}),this.collapsedBranches.has(n.key)))continue;for(const s of n.rows)if(!(!this.includeHidden&&s.hidden)&&(t.push({t:"row",key:n.key+":"+s.id,row:s,seg:n,depth:0}),s.children&&!this.collapsedRows.has(s.id)))for(const l of s.children)!this.includeHidden&&l.hidden||t.push({t:"child",key:n.key+":"+s.id+":"+l.id,row:l,parent:s,depth:1});const o=n.total===null?1:n.error?0:n.total-n.rows.length;for(let s=0;s<o;s++)t.push({t:"more",key:`m:${n.key}:${s}`,seg:n})}return this.itemsCache=t,t}*places(t){for(const n of this.segments)for(let o=0;o<n.rows.length;o++){const s=n.rows[o];if(s&&(s.id===t&&(yield{list:n.rows,index:o}),s.children)){const l=s.children.findIndex(d=>d.id===t);l>=0&&(yield{list:s.children,index:l})}}}upsert(t,n){let o=!1;for(const{list:s,index:l}of this.places(t.id)){const d=s[l];d&&(s[l]={...d,...t}),o=!0}return!o&&n&&(o=this.place(t)),o&&this.changed(),o}place(t){if(this.query.nested&&t.kind!=="COMMIT"){let o=!1;for(const l of this.segments)for(const d of l.rows)d.kind==="COMMIT"&&d.sha&&d.sha===t.baselineSha&&d.children&&(d.children.unshift({...t}),o=!0);if(o)return!0;const s=this.segments.find(l=>l.key==="detached");return t.detached&&s?(s.rows.unshift({...t}),s.total=(s.total??0)+1,!0):!1}const n=this.segments[0];return!n||this.query.nested?!1:(n.rows.unshift({...t}),n.total!==null&&(n.total+=1),!0)}patch(t,n){let o=!1;for(const{list:s,index:l}of this.places(t)){const d=s[l];d&&(s[l]={...d,...n}),o=!0}o&&this.changed()}remove(t){let n=!1;for(const o of this.segments){const s=o.rows.length;o.rows=o.rows.filter(l=>l.id!==t),o.rows.length!==s&&(n=!0,o.total!==null&&(o.total-=s-o.rows.length));for(const l of o.rows)l.children?.some(d=>d.id===t)&&(l.children=l.children.filter(d=>d.id!==t),n=!0)}n&&this.changed()}find(t){for(const{list:n,index:o}of this.places(t))return n[o]??null;return null}}const ke=32,yt=12,rr=60,bt=2500;function or(e,t,n){const o=ce(t),s=(h,a,u,g)=>({key:h,label:a,branch:u,filter:g,rows:[],total:null,cursor:null,hasNext:!0,loading:!1,error:null});if(!n)return[s("all",null,null,o)];const l={...o,kinds:["COMMIT"]};if(o.detached===!0)return[s("detached","Detached runs",null,o)];if(o.branch)return[s("branch:"+o.branch,o.branch,o.branch,l)];if(o.onBranch)return[s("on:"+o.onBranch,`commits on ${o.onBranch}`,null,l)];if(o.tag)return[s("tag:"+o.tag,`tag ${o.tag}`,null,l)];const c=e.branches.filter(h=>!h.folded&&(t.showHidden||!h.hidden)).sort((h,a)=>h.name===e.defaultBranch?-1:a.name===e.defaultBranch?1:h.name<a.name?-1:1).map(h=>s("branch:"+h.name,h.name,h.name,{...l,branch:h.name}));return o.detached!==!1&&c.push(s("detached","Detached runs",null,{...o,detached:!0})),c}function ir(e){return e.kind==="COMMIT"?e.sha?.slice(0,7)??String(e.databaseId):e.name??(e.kind==="LIVE"?`live run ${e.databaseId}`:e.sha?.slice(0,7)??String(e.databaseId))}const wt=new WeakMap;function vt(e){let t=wt.get(e);return t||(t=new Map(e.values.map(n=>[n.column,n.value])),wt.set(e,t)),t}async function kt(e,t){try{const o=(await V(yn,{projectId:e,name:t})).node;return o&&"view"in o?o.view?.goals??[]:[]}catch{return[]}}function sr(e){return typeof e=="object"&&e!==null&&"databaseId"in e&&"values"in e}function lr(e){return(e??"").split(`
`,1)[0]??""}const ar=[36,250,124,120,120,240,140],cr=116,dr=84;function ur(e){const t=[...ar,...e.map(()=>cr),dr];return{grid:t.map(n=>`${n}px`).join(" "),width:t.reduce((n,o)=>n+o,0)}}function hr(e){ie(e.name);const[t,n]=I(null),[o,s]=I(!1),[l,d]=I(null),[c,h]=I(null),[a,u]=I(null),[,g]=I(0),[i,_]=I(new Set),[f,k]=I(null),[y,p]=I(null),b=Ge(new Map),x=lt(async()=>{try{const m=await V(gn,{name:e.name,includeHidden:!0});return m.project?(n(m.project),m.project):(s(!0),null)}catch(m){return m instanceof we&&(m.has("UNAUTHENTICATED")||m.has("FORBIDDEN")||m.has("NOT_FOUND"))?s(!0):d(m),null}},[e.name]);U(()=>{x().then(m=>{if(!m)return;const w=mt(m),S=new URLSearchParams(location.search).get("view"),v=S?m.views.find(T=>T.name===S):void 0;if(!v){h(w);return}kt(m.id,v.name).then(T=>h(gt(v,m,w,T)))})},[x]);const H=c?c.groupByBranch&&_t(c):!1,L=c&&t?JSON.stringify([t.id,ce(c),ve(c.sort),c.columns,H,t.branches]):null;U(()=>{if(!t||!c||L===null)return;const m=new nr({projectId:t.id,filter:ce(c),orderBy:ve(c.sort),columns:c.columns,nested:H},or(t,c,H),()=>g(w=>w+1));return u(m),()=>m.stop()},[L]),U(()=>{a&&(a.includeHidden=!!c?.showHidden),a?.changed()},[a,c?.showHidden]),U(()=>{if(!a||!t)return;const m={projectId:t.id,columns:a.query.columns},w=Object.keys(a.query.filter).every(j=>j==="includeHidden"),S=j=>{b.current.set(j,Date.now()+bt),setTimeout(()=>{const R=b.current.get(j);R!==void 0&&R<=Date.now()&&(b.current.delete(j),a.changed())},bt+50)},v=ut(En,m,j=>{const R=j.experimentEvents;if(R.change==="REMOVED"||!R.experiment){a.remove(R.experimentId);return}a.upsert(R.experiment,w||R.experiment.kind==="LIVE")&&S(R.experimentId)}),T=ut(In,m,j=>{const R=j.liveMetrics;a.upsert(R.experiment,!0)&&S(R.experimentId)});return()=>{v(),T()}},[a,t]);const D=c?.baselineId??null,Y=c?JSON.stringify(c.columns):"";U(()=>{if(!D||!c)return;let m=!1;return V(bn,{id:D,columns:c.columns}).then(w=>{const S=w.node;if(m||!sr(S))return;const v=S;h(T=>T&&T.baselineId===D?{...T,baseline:v}:T)}).catch(w=>k(w instanceof Error?w.message:String(w))),()=>{m=!0}},[D,Y]);const O=lt(m=>{h(w=>w&&{...w,...m,view:"view"in m?m.view??null:w.view})},[]);if(o)return r(Nn,{what:`Project “${e.name}”`,signedIn:e.session!==null});if(l)return r(Te,{error:l});if(!t||!c||!a)return r("p",{class:"muted",children:["Loading ",e.name,"…"]});const X=Gn(t,c),B=e.session!==null,W=async m=>{const w=t.views.find(T=>T.name===m),S=new URLSearchParams(location.search);if(w){const T=await kt(t.id,w.name);h(gt(w,t,c,T)),S.set("view",w.name)}else h({...mt(t),view:null}),S.delete("view");const v=S.toString();Oe(location.pathname+(v?"?"+v:""),!0)},pe=async(m,w)=>{try{const S=await V($n,{input:{projectId:t.id,name:m,shared:w,columns:c.columns,filter:ce(c),order:ve(c.sort),baseline:c.baselineId,goals:Object.entries(c.viewGoals).map(([j,R])=>({column:j,goal:R})),includeHidden:c.showHidden}}),v=S.saveView.errors[0];if(v)return`${v.code}: ${v.message}`;const T=S.saveView.view;if(T){const j=[...t.views.filter(Z=>Z.id!==T.id),T];n({...t,views:j}),h({...c,view:T.name});const R=new URLSearchParams(location.search);R.set("view",T.name),Oe(location.pathname+"?"+R.toString(),!0)}return null}catch(S){return S instanceof Error?S.message:String(S)}},fe=async m=>{try{const S=(await V(xn,{input:{id:m.id}})).deleteView.errors[0];return S?`${S.code}: ${S.message}`:(n({...t,views:t.views.filter(v=>v.id!==m.id)}),await W(null),`Deleted “${m.name}”`)}catch(w){return w instanceof Error?w.message:String(w)}},E=async(m,w,S)=>{try{const v={input:{projectId:t.id,ids:m,branches:w},columns:a.query.columns},T=S?(await V(Sn,v)).unhideRows:(await V(kn,v)).hideRows,j=T.errors[0];if(j){k(`${j.code}: ${j.message}`);return}for(const R of T.experiments)a.patch(R.id,{hidden:R.hidden,autoHidden:R.autoHidden});w.length&&await x(),_(new Set),k(`${S?"Shown":"Hidden"}: ${m.length+w.length}`)}catch(v){k(v instanceof Error?v.message:String(v))}},C=[...i].map(m=>a.find(m)).filter(m=>m!==null),$=_t(c);return r("section",{class:"table-page","aria-labelledby":"table-title",children:[r("div",{class:"title-bar",children:[r("h1",{id:"table-title",children:t.name}),r("span",{class:"muted small",children:[t.visibility.toLowerCase()," · synced ",oe(t.lastSyncedAt)," ·"," ",r("span",{class:`badge sync-${t.syncState.toLowerCase()}`,children:t.syncState.toLowerCase()})]}),t.lastSyncError?r("span",{class:"sync-error",children:t.lastSyncError}):null,r("a",{class:"csv",href:zn(t.databaseId,c),"data-testid":"csv-link",download:!0,children:"Export CSV"})]}),r("div",{class:"toolbar",role:"toolbar","aria-label":"Table",children:[r(Qn,{views:t.views,current:c.view,signedIn:B,pick:m=>{W(m)},save:pe,remove:fe}),r(Jn,{project:t,state:c,update:O}),r(Xn,{project:t,state:c,update:O}),r("label",{title:$?"":"A sort by a value or a value filter lists rows flat",children:[r("input",{type:"checkbox",checked:c.groupByBranch&&$,disabled:!$,onChange:m=>O({groupByBranch:m.currentTarget.checked}),"data-testid":"group-toggle"})," ","Group by branch"]}),r("label",{children:[r("input",{type:"checkbox",checked:c.showHidden,onChange:m=>O({showHidden:m.currentTarget.checked}),"data-testid":"show-hidden"})," ","Show hidden"]}),r("label",{children:[r("input",{type:"checkbox",checked:c.deltas,disabled:!c.baseline,onChange:m=>O({deltas:m.currentTarget.checked}),"data-testid":"delta-mode"})," ","Deltas"]})]}),r("div",{class:"selection-bar","aria-live":"polite",children:[r("span",{children:i.size?`${i.size} selected`:"Select rows to hide them or to use one as the baseline."}),i.size?r(Q,{children:[r("button",{type:"button",disabled:!B,onClick:()=>{E([...i],[],!1)},children:"Hide selected"}),r("button",{type:"button",disabled:!B,onClick:()=>{E([...i],[],!0)},children:"Unhide selected"}),r("button",{type:"button",disabled:C.length!==1,onClick:()=>O({baseline:C[0]??null,baselineId:C[0]?.id??null}),"data-testid":"set-baseline",children:"Use as baseline"}),r("button",{type:"button",disabled:i.size>100,onClick:()=>p([...i]),"data-testid":"compare",children:"Compare"}),r("button",{type:"button",onClick:()=>_(new Set),children:"Clear selection"})]}):null,c.baseline?r("button",{type:"button",onClick:()=>O({baseline:null,baselineId:null,deltas:!1}),children:"Clear baseline"}):null,f?r("span",{class:"muted",role:"status",children:f}):null]}),y?r(Ln,{projectId:t.id,ids:y,baselineId:c.baselineId,onClose:()=>p(null)}):null,r(pr,{project:t,model:a,state:c,goals:X,selected:i,flash:b.current,signedIn:B,onSelect:(m,w)=>{const S=new Set(i);w?S.add(m):S.delete(m),_(S)},onSort:m=>{const w=c.sort,S=w?.key!==m?{key:m,direction:"DESC"}:w.direction==="DESC"?{key:m,direction:"ASC"}:null;O({sort:S})},onHide:(m,w)=>{E([m.id],[],w)},onHideBranch:m=>{E([],[m],!1)}})]})}function pr(e){const{model:t,state:n}=e,o=Ge(null),[s,l]=I(0),[d,c]=I(600),h=t.items(),{grid:a,width:u}=We(()=>ur(n.columns),[n.columns]);U(()=>{const p=o.current;if(!p)return;const b=new ResizeObserver(()=>c(p.clientHeight));return b.observe(p),c(p.clientHeight),()=>b.disconnect()},[]),U(()=>{o.current&&(o.current.scrollTop=0),l(0)},[t]);const g=Math.max(0,Math.floor(s/ke)-yt),i=Math.min(h.length,Math.ceil((s+d)/ke)+yt);U(()=>{const p=new Set,b=Math.min(h.length,i+rr);for(let x=g;x<b;x++){const H=h[x];H?.t==="more"&&!H.seg.loading&&p.add(H.seg)}for(const x of p)t.load(x)});const _=n.baseline?2:1,f=[];for(let p=g;p<i;p++){const b=h[p];b&&f.push(r(fr,{item:b,index:p,rowIndex:p+_+1,...e},b.key))}const k=p=>n.sort?.key===p?n.sort.direction==="ASC"?"ascending":"descending":"none",y=(p,b,x,H="")=>r("div",{role:"columnheader",class:`th ${H}`,"aria-sort":k(p),"data-testid":"column-header","data-column":p,children:r("button",{type:"button",class:"sort",title:x,onClick:()=>e.onSort(p),children:[r("span",{children:b}),r("span",{class:"arrow","aria-hidden":"true",children:k(p)==="ascending"?"▲":k(p)==="descending"?"▼":""})]})});return r("div",{class:"table-scroll",ref:o,role:"table","aria-label":`Experiments of ${e.project.name}`,"aria-rowcount":h.length+_,"data-testid":"experiments-table","data-nested":t.query.nested?"true":"false",onScroll:p=>l(p.currentTarget.scrollTop),style:{"--grid":a,"--table-w":`${u}px`},children:[r("div",{role:"rowgroup",class:"thead",children:[r("div",{role:"row",class:"tr head","aria-rowindex":1,children:[r("div",{role:"columnheader",class:"th sticky0",children:r("span",{class:"sr-only",children:"Select"})}),r("div",{role:"columnheader",class:"th sticky1",children:"Experiment"}),r("div",{role:"columnheader",class:"th",children:"Status"}),Un.map(p=>y("field:"+p.field,p.label,`Sort by ${p.label.toLowerCase()}`)),n.columns.map(p=>{const b=e.goals.get(p);return y(p,pn(p),`${p}${b?` (${b.toLowerCase()} is better)`:""}`,p.startsWith("metric:")?"metric num":"param num")}),r("div",{role:"columnheader",class:"th",children:r("span",{class:"sr-only",children:"Actions"})})]}),n.baseline?r(Bt,{row:n.baseline,depth:0,rowIndex:2,baseline:!0,...e,index:-1}):null]}),r("div",{role:"rowgroup",class:"tbody",style:{height:`${h.length*ke}px`},children:f}),h.length===0?r("p",{class:"empty muted",children:"No rows match."}):null]})}function fr(e){const{item:t}=e,n={transform:`translateY(${e.index*ke}px)`};if(t.t==="branch"){const o=t.seg,s=e.model.collapsedBranches.has(o.key),l=o.total===null?"…":String(o.total);return r("div",{role:"row",class:"tr branch",style:n,"aria-rowindex":e.rowIndex,"data-testid":"branch-row","data-branch":o.branch??o.key,children:r("div",{role:"cell",class:"td span",children:[r("button",{type:"button",class:"twisty","aria-expanded":!s,"aria-label":`${s?"Expand":"Collapse"} ${o.label??""}`,onClick:()=>{s?e.model.collapsedBranches.delete(o.key):e.model.collapsedBranches.add(o.key),e.model.changed()},children:s?"▸":"▾"}),r("strong",{children:o.label}),r("span",{class:"muted small",children:[l," ",o.key==="detached"?"rows":"commits"]}),o.branch&&e.signedIn?r("button",{type:"button",class:"link",onClick:()=>e.onHideBranch(o.branch??""),"aria-label":`Hide branch ${o.branch}`,children:"Hide branch"}):null,o.error?r("span",{class:"sync-error",children:o.error}):null]})})}return t.t==="more"?r("div",{role:"row",class:"tr more",style:n,"aria-rowindex":e.rowIndex,"data-testid":"placeholder-row",children:r("div",{role:"cell",class:"td span muted",children:t.seg.error??"Loading…"})}):r(Bt,{...e,row:t.row,depth:t.depth,style:n})}function Bt(e){const{row:t,state:n,model:o}=e,s=ir(t),l=vt(t),d=n.baseline?vt(n.baseline):null,c=e.baseline===!0||n.baseline?.id===t.id,h=(e.flash.get(t.id)??0)>Date.now(),a=o.collapsedRows.has(t.id),u=["tr",e.depth===1?"child":"",t.kind==="LIVE"?"live":"",t.status==="RUNNING"?"running":"",t.hidden?"hidden-row":"",e.selected.has(t.id)?"selected":"",h?"flash":"",e.baseline?"baseline":""].join(" ");return r("div",{role:"row",class:u,style:e.style,"aria-rowindex":e.rowIndex,"aria-selected":e.selected.has(t.id),"data-testid":e.baseline?"baseline-row":"row","data-row-id":t.id,"data-kind":t.kind,"data-status":t.status,"data-hidden":t.hidden?"true":"false",children:[r("div",{role:"cell",class:"td sticky0",children:r("input",{type:"checkbox","aria-label":`Select ${s}`,checked:e.selected.has(t.id),onChange:g=>e.onSelect(t.id,g.currentTarget.checked)})}),r("div",{role:"cell",class:"td sticky1 name","data-testid":"row-name",children:[e.depth===1?r("span",{class:"indent","aria-hidden":"true"}):null,t.children&&t.children.length>0&&!e.baseline?r("button",{type:"button",class:"twisty","aria-expanded":!a,"aria-label":`${a?"Show":"Hide"} the ${t.children.length} experiments of ${s}`,onClick:()=>{a?o.collapsedRows.delete(t.id):o.collapsedRows.add(t.id),o.changed()},children:a?"▸":"▾"}):r("span",{class:"twisty-space","aria-hidden":"true"}),r("span",{class:t.kind==="COMMIT"?"sha":"exp-name",title:t.sha??t.name??"",children:s}),c?r("span",{class:"chip base",children:"baseline"}):null,t.kind==="LIVE"?r("span",{class:"chip live-chip",children:["live",t.lastStep!==null?` · step ${t.lastStep}`:""]}):null,t.detached?r("span",{class:"chip",children:"detached"}):null,t.tags.slice(0,2).map(g=>r("span",{class:"chip tag",children:g},g))]}),r("div",{role:"cell",class:"td","data-testid":"status",children:r("span",{class:`status status-${t.status.toLowerCase()}`,children:t.status})}),r("div",{role:"cell",class:"td ellipsis",children:t.branches?.[0]??""}),r("div",{role:"cell",class:"td ellipsis",children:t.author?.name??""}),r("div",{role:"cell",class:"td ellipsis",title:t.message??"",children:lr(t.message)}),r("div",{role:"cell",class:"td ellipsis",title:oe(t.committedAt??t.createdAt),children:oe(t.committedAt??t.createdAt).replace(" UTC","")}),n.columns.map(g=>{const i=l.get(g),_=d?.get(g);let f=Je(i),k="td num",y;if(d&&!c&&typeof i=="number"&&typeof _=="number"){const p=i-_;n.deltas&&(f=Le(p));const b=e.goals.get(g);if(b&&p!==0){const x=b==="HIGHER"?p>0:p<0;k+=x?" better":" worse",y=`${x?"better":"worse"} than the baseline (${Le(p)})`}}return r("div",{role:"cell",class:k,title:y,"data-column":g,children:f},g)}),r("div",{role:"cell",class:"td actions",children:e.signedIn&&!e.baseline?r("button",{type:"button",class:"link","aria-label":`${t.hidden?"Unhide":"Hide"} ${s}`,onClick:()=>e.onHide(t,t.hidden),"data-testid":"hide-row",children:t.hidden?"Unhide":"Hide"}):null})]})}function mr(e,t){return`${ze(e)}/models/${encodeURIComponent(t)}`}function _r(e){ie("Models");const[t,n]=I(null),[o,s]=I(0),[l,d]=I(null),[c,h]=I(""),[a,u]=I(null),g=async(i,_)=>{try{const f=await V(mn,{after:i,filter:_?{name:_}:null});n(k=>[...i&&k?k:[],...f.models.nodes]),s(f.models.totalCount),d(f.models.pageInfo.hasNextPage?f.models.pageInfo.endCursor:null),u(null)}catch(f){u(f)}};return U(()=>{const i=setTimeout(()=>{g(null,c.trim())},c?250:0);return()=>clearTimeout(i)},[c]),r("section",{"aria-labelledby":"models-title",children:[r("h1",{id:"models-title",children:"Models"}),r("div",{class:"toolbar",children:[r("label",{children:["Find a model",r("input",{type:"search",value:c,onInput:i=>h(i.currentTarget.value),"data-testid":"model-search"})]}),e.session?null:r("span",{class:"muted",children:"Signed out: models of public projects only."})]}),a?r(Te,{error:a}):null,t===null?r("p",{class:"muted",children:"Loading models…"}):t.length===0?r("p",{children:"No models. Declare one in a dvc.yaml (`artifacts:`) or register one with GTO."}):r("table",{class:"projects","data-testid":"models",children:[r("caption",{class:"sr-only",children:[o," models"]}),r("thead",{children:r("tr",{children:[r("th",{scope:"col",children:"Model"}),r("th",{scope:"col",children:"Project"}),r("th",{scope:"col",children:"Latest version"}),r("th",{scope:"col",children:"Stages"}),r("th",{scope:"col",children:"Type"})]})}),r("tbody",{children:t.map(i=>r("tr",{"data-testid":"model","data-model":i.name,children:[r("th",{scope:"row",children:[i.project?r("a",{href:mr(i.project.name,i.name),children:i.name}):i.name,i.deprecated?r("span",{class:"chip",children:" deprecated"}):null,i.description?r("div",{class:"muted small",children:i.description}):null,i.registryError?r("div",{class:"sync-error",children:i.registryError.message}):null]}),r("td",{children:i.project?r("a",{href:ze(i.project.name),children:i.project.name}):"—"}),r("td",{children:i.latestVersion?r(Q,{children:[i.latestVersion.version," ",r("span",{class:"muted small",children:oe(i.latestVersion.createdAt)})]}):r("span",{class:"muted",children:"unregistered"})}),r("td",{children:i.stages.map(_=>r("span",{class:"chip tag",children:[_.stage,": ",_.versions.map(f=>f.version).join(", ")]},_.stage))}),r("td",{children:i.type??""})]},`${i.project?.id??""}:${i.name}`))})]}),l?r("button",{type:"button",onClick:()=>{g(l,c.trim())},children:"More models"}):null]})}const gr=["READ","PROJECTS","EXPERIMENTS","MODELS","ADMIN"];function yr(e){ie("Access tokens");const[t,n]=I(null),[o,s]=I(null),[l,d]=I(""),[c,h]=I(new Set(["READ","EXPERIMENTS"])),[a,u]=I(null),[g,i]=I(null),_=async()=>{try{const y=await V(Tn,{});n(y.me.tokens)}catch(y){s(y)}};if(U(()=>{e.session&&_()},[e.session]),!e.session)return r("section",{children:[r("h1",{children:"Access tokens"}),r("p",{children:[r("a",{href:he(),children:"Sign in"})," to manage your tokens."]})]});const f=async()=>{u(null);try{const y=await V(Cn,{input:{name:l.trim(),scopes:[...c]}}),p=y.createAccessToken.errors[0];if(p){i(`${p.code}: ${p.message}`);return}u(y.createAccessToken.token??null),i(null),d(""),await _()}catch(y){i(y instanceof Error?y.message:String(y))}},k=async y=>{if(confirm(`Revoke the token “${y.name}”? Scripts using it stop working.`))try{const b=(await V(An,{id:y.id})).revokeAccessToken.errors[0];i(b?`${b.code}: ${b.message}`:`Revoked “${y.name}”`),await _()}catch(p){i(p instanceof Error?p.message:String(p))}};return r("section",{"aria-labelledby":"tokens-title",children:[r("h1",{id:"tokens-title",children:"Access tokens"}),o?r(Te,{error:o}):null,r("form",{class:"token-form",onSubmit:y=>{y.preventDefault(),f()},children:[r("label",{children:["Name",r("input",{type:"text",required:!0,value:l,onInput:y=>d(y.currentTarget.value),"data-testid":"token-name"})]}),r("fieldset",{children:[r("legend",{children:"Scopes"}),gr.map(y=>r("label",{children:[r("input",{type:"checkbox",checked:c.has(y),onChange:p=>{const b=new Set(c);p.currentTarget.checked?b.add(y):b.delete(y),h(b)}})," ",y]},y))]}),r("button",{type:"submit",class:"primary",disabled:!l.trim()||c.size===0,children:"Create token"})]}),a?r("div",{class:"notice",role:"status","data-testid":"new-token",children:r("p",{children:["Your new token (shown once): ",r("code",{children:a})]})}):null,g?r("p",{class:"muted",role:"status",children:g}):null,t===null?r("p",{class:"muted",children:"Loading tokens…"}):r("table",{class:"projects","data-testid":"tokens",children:[r("thead",{children:r("tr",{children:[r("th",{scope:"col",children:"Name"}),r("th",{scope:"col",children:"Prefix"}),r("th",{scope:"col",children:"Scopes"}),r("th",{scope:"col",children:"Created"}),r("th",{scope:"col",children:"Last used"}),r("th",{scope:"col",children:r("span",{class:"sr-only",children:"Actions"})})]})}),r("tbody",{children:t.map(y=>r("tr",{"data-testid":"token",children:[r("th",{scope:"row",children:y.name}),r("td",{children:r("code",{children:y.prefix})}),r("td",{children:y.scopes.join(", ")}),r("td",{children:oe(y.createdAt)}),r("td",{children:oe(y.lastUsedAt)}),r("td",{children:r("button",{type:"button",onClick:()=>{k(y)},"aria-label":`Revoke ${y.name}`,children:"Revoke"})})]},y.id))})]})]})}function br(e,t){if(e==="/"||e==="")return r(Mn,{session:t});const n=/^\/projects\/([^/]+)\/models\/(.+)$/.exec(e);if(n?.[1]&&n[2])return r(jn,{title:`Model ${decodeURIComponent(n[2])}`,what:"A model's page"});const o=/^\/projects\/([^/]+)\/?$/.exec(e);if(o?.[1]){const s=decodeURIComponent(o[1]);return r(hr,{name:s,session:t},s)}return e==="/models"?r(_r,{session:t}):e==="/settings/tokens"?r(yr,{session:t}):r(Rn,{})}function wr(){const e=dn(),[t,n]=I({loaded:!1});U(()=>{ln().then(l=>n({loaded:!0,session:l})).catch(()=>n({loaded:!0,session:null}))},[]);const o=t.loaded?t.session:null,s=l=>(l==="/"?e.path==="/"||e.path.startsWith("/projects/"):e.path.startsWith(l))?"page":void 0;return r(Q,{children:[r("a",{class:"skip",href:"#main",children:"Skip to content"}),r("header",{class:"shell",children:[r("a",{class:"brand",href:"/",children:"gitstudio"}),r("nav",{"aria-label":"Main",children:r("ul",{children:[r("li",{children:r("a",{href:"/","aria-current":s("/"),children:"Projects"})}),r("li",{children:r("a",{href:"/models","aria-current":s("/models"),children:"Models"})}),r("li",{children:r("a",{href:"/settings/tokens","aria-current":s("/settings/tokens"),children:"Tokens"})}),r("li",{children:r("a",{href:"/graphql",children:"GraphiQL"})})]})}),r("div",{class:"who","data-testid":"session",children:t.loaded?o?r(Q,{children:[r("span",{"data-testid":"user",children:o.user}),r("button",{type:"button",onClick:()=>{an().then(()=>{location.assign(he("/"))})},children:"Sign out"})]}):r("a",{href:he(),"data-testid":"sign-in",children:"Sign in"}):null})]}),r("main",{id:"main",tabIndex:-1,children:t.loaded?br(e.path,o):r("p",{class:"muted",children:"Loading…"})})]})}const Ne=document.getElementById("app");Ne&&(hn(Ne),Xt(r(wr,{}),Ne));

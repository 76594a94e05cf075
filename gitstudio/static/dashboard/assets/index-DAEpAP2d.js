const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=["assets/embed-ji_c-7H5.js","assets/vega-interpreter-BmnYaw1U.js"])))=>i.map(i=>d[i]);
var Ve,V,zt,ue,ft,Jt,Xt,ze,Pe,Ie,Kt,dt,rt,st,qe={},Be=[],yn=/acit|ex(?:s|g|n|p|$)|rph|grid|ows|mnc|ntw|ine[ch]|zoo|^ord|itera/i,Fe=Array.isArray;function ce(e,t){for(var r in t)e[r]=t[r];return e}function ut(e){e&&e.parentNode&&e.parentNode.removeChild(e)}function _n(e,t,r){var s,a,l,d={};for(l in t)l=="key"?s=t[l]:l=="ref"?a=t[l]:d[l]=t[l];if(arguments.length>2&&(d.children=arguments.length>3?Ve.call(arguments,2):r),typeof e=="function"&&e.defaultProps!=null)for(l in e.defaultProps)d[l]===void 0&&(d[l]=e.defaultProps[l]);return Ne(e,d,s,a,null)}function Ne(e,t,r,s,a){var l={type:e,props:t,key:r,ref:s,__k:null,__:null,__b:0,__e:null,__c:null,constructor:void 0,__v:a??++zt,__i:-1,__u:0};return a==null&&V.vnode!=null&&V.vnode(l),l}function ne(e){return e.children}function Ee(e,t){this.props=e,this.context=t}function ge(e,t){if(t==null)return e.__?ge(e.__,e.__i+1):null;for(var r;t<e.__k.length;t++)if((r=e.__k[t])!=null&&r.__e!=null)return r.__e;return typeof e.type=="function"?ge(e):null}function bn(e){if(e.__P&&e.__d){var t=e.__v,r=t.__e,s=[],a=[],l=ce({},t);l.__v=t.__v+1,V.vnode&&V.vnode(l),ht(e.__P,l,t,e.__n,e.__P.namespaceURI,32&t.__u?[r]:null,s,r??ge(t),!!(32&t.__u),a),l.__v=t.__v,l.__.__k[l.__i]=l,tn(s,l,a),t.__e=t.__=null,l.__e!=r&&Qt(l)}}function Qt(e){if((e=e.__)!=null&&e.__c!=null)return e.__e=e.__c.base=null,e.__k.some(function(t){if(t!=null&&t.__e!=null)return e.__e=e.__c.base=t.__e}),Qt(e)}function gt(e){(!e.__d&&(e.__d=!0)&&ue.push(e)&&!Ue.__r++||ft!=V.debounceRendering)&&((ft=V.debounceRendering)||Jt)(Ue)}function Ue(){try{for(var e,t=1;ue.length;)ue.length>t&&ue.sort(Xt),e=ue.shift(),t=ue.length,bn(e)}finally{ue.length=Ue.__r=0}}function Yt(e,t,r,s,a,l,d,i,u,c,h){var g,o,p,m,w,S,f=s&&s.__k||Be,b=t.length;for(u=wn(r,t,f,u,b),g=0;g<b;g++)(p=r.__k[g])!=null&&(o=p.__i!=-1&&f[p.__i]||qe,p.__i=g,S=ht(e,p,o,a,l,d,i,u,c,h),m=p.__e,p.ref&&o.ref!=p.ref&&(o.ref&&mt(o.ref,null,p),h.push(p.ref,p.__c||m,p)),w==null&&m!=null&&(w=m),4&p.__u?(u=Zt(p,u,e),o.__e&&(o.__e=null)):typeof p.type=="function"&&S!==void 0?u=S:m&&(u=m.nextSibling),p.__u&=-7);return r.__e=w,u}function wn(e,t,r,s,a){var l,d,i,u,c,h=r.length,g=h,o=0;for(e.__k=new Array(a),l=0;l<a;l++)(d=t[l])!=null&&typeof d!="boolean"&&typeof d!="function"?(typeof d=="string"||typeof d=="number"||typeof d=="bigint"||d.constructor==String?d=e.__k[l]=Ne(null,d,null,null,null):Fe(d)?d=e.__k[l]=Ne(ne,{children:d},null,null,null):d.constructor===void 0&&d.__b>0?d=e.__k[l]=Ne(d.type,d.props,d.key,d.ref?d.ref:null,d.__v):e.__k[l]=d,u=l+o,d.__=e,d.__b=e.__b+1,i=null,(c=d.__i=vn(d,r,u,g))!=-1&&(g--,(i=r[c])&&(i.__u|=2)),i==null||i.__v==null?(c==-1&&(a>h?o--:a<h&&o++),typeof d.type!="function"&&(d.__u|=4)):c!=u&&(c==u-1?o--:c==u+1?o++:(c>u?o--:o++,d.__u|=4))):e.__k[l]=null;if(g)for(l=0;l<h;l++)(i=r[l])!=null&&(2&i.__u)==0&&(i.__e==s&&(s=ge(i)),rn(i,i));return s}function Zt(e,t,r){var s,a;if(typeof e.type=="function"){for(s=e.__k,a=0;s&&a<s.length;a++)s[a]&&(s[a].__=e,t=Zt(s[a],t,r));return t}e.__e!=t&&(t&&e.type&&!t.parentNode&&(t=ge(e)),t=r.insertBefore(e.__e,t||null));do t=t&&t.nextSibling;while(t!=null&&t.nodeType==8);return t}function vn(e,t,r,s){var a,l,d,i=e.key,u=e.type,c=t[r],h=c!=null&&(2&c.__u)==0;if(c===null&&i==null||h&&i==c.key&&u==c.type)return r;if(s>(h?1:0)){for(a=r-1,l=r+1;a>=0||l<t.length;)if((c=t[d=a>=0?a--:l++])!=null&&(2&c.__u)==0&&i==c.key&&u==c.type)return d}return-1}function yt(e,t,r){t[0]=="-"?e.setProperty(t,r??""):e[t]=r==null?"":typeof r!="number"||yn.test(t)?r:r+"px"}function Me(e,t,r,s,a){var l,d;e:if(t=="style")if(typeof r=="string")e.style.cssText=r;else{if(typeof s=="string"&&(e.style.cssText=s=""),s)for(t in s)r&&t in r||yt(e.style,t,"");if(r)for(t in r)s&&r[t]==s[t]||yt(e.style,t,r[t])}else if(t[0]=="o"&&t[1]=="n")l=t!=(t=t.replace(Kt,"$1")),d=t.toLowerCase(),t=d in e||t=="onFocusOut"||t=="onFocusIn"?d.slice(2):t.slice(2),e.l||(e.l={}),e.l[t+l]=r,r?s?r[Ie]=s[Ie]:(r[Ie]=dt,e.addEventListener(t,l?st:rt,l)):e.removeEventListener(t,l?st:rt,l);else{if(a=="http://www.w3.org/2000/svg")t=t.replace(/xlink(H|:h)/,"h").replace(/sName$/,"s");else if(t!="width"&&t!="height"&&t!="href"&&t!="list"&&t!="form"&&t!="tabIndex"&&t!="download"&&t!="rowSpan"&&t!="colSpan"&&t!="role"&&t!="popover"&&t in e)try{e[t]=r??"";break e}catch{}typeof r=="function"||(r==null||r===!1&&t[4]!="-"?e.removeAttribute(t):e.setAttribute(t,t=="popover"&&r==1?"":r))}}function _t(e){return function(t){if(this.l){var r=this.l[t.type+e];if(t[Pe]==null)t[Pe]=dt++;else if(t[Pe]<r[Ie])return;return r(V.event?V.event(t):t)}}}function ht(e,t,r,s,a,l,d,i,u,c){var h,g,o,p,m,w,S,f,b,$,k,x,N,G,I,M,R=t.type;if(t.constructor!==void 0)return null;128&r.__u&&(u=!!(32&r.__u),l=[i=t.__e=r.__e]),(h=V.__b)&&h(t);e:if(typeof R=="function"){g=d.length;try{if(b=t.props,$=R.prototype&&R.prototype.render,k=(h=R.contextType)&&s[h.__c],x=h?k?k.props.value:h.__:s,r.__c?f=(o=t.__c=r.__c).__=o.__E:($?t.__c=o=new R(b,x):(t.__c=o=new Ee(b,x),o.constructor=R,o.render=kn),k&&k.sub(o),o.state||(o.state={}),o.__n=s,p=o.__d=!0,o.__h=[],o._sb=[]),$&&o.__s==null&&(o.__s=o.state),$&&R.getDerivedStateFromProps!=null&&(o.__s==o.state&&(o.__s=ce({},o.__s)),ce(o.__s,R.getDerivedStateFromProps(b,o.__s))),m=o.props,w=o.state,o.__v=t,p)$&&R.getDerivedStateFromProps==null&&o.componentWillMount!=null&&o.componentWillMount(),$&&o.componentDidMount!=null&&o.__h.push(o.componentDidMount);else{if($&&R.getDerivedStateFromProps==null&&b!==m&&o.componentWillReceiveProps!=null&&o.componentWillReceiveProps(b,x),t.__v==r.__v||!o.__e&&o.shouldComponentUpdate!=null&&o.shouldComponentUpdate(b,o.__s,x)===!1){t.__v!=r.__v&&(o.props=b,o.state=o.__s,o.__d=!1),t.__e=r.__e,t.__k=r.__k,t.__k.some(function(D){D&&(D.__=t)}),Be.push.apply(o.__h,o._sb),o._sb=[],o.__h.length&&d.push(o),i=ge(r);break e}o.componentWillUpdate!=null&&o.componentWillUpdate(b,o.__s,x),$&&o.componentDidUpdate!=null&&o.__h.push(function(){o.componentDidUpdate(m,w,S)})}if(o.context=x,o.props=b,o.__P=e,o.__e=!1,N=V.__r,G=0,$)o.state=o.__s,o.__d=!1,N&&N(t),h=o.render(o.props,o.state,o.context),Be.push.apply(o.__h,o._sb),o._sb=[];else do o.__d=!1,N&&N(t),h=o.render(o.props,o.state,o.context),o.state=o.__s;while(o.__d&&++G<25);o.state=o.__s,o.getChildContext!=null&&(s=ce(ce({},s),o.getChildContext())),$&&!p&&o.getSnapshotBeforeUpdate!=null&&(S=o.getSnapshotBeforeUpdate(m,w)),I=h!=null&&h.type===ne&&h.key==null?nn(h.props.children):h,i=Yt(e,Fe(I)?I:[I],t,r,s,a,l,d,i,u,c),o.base=t.__e,t.__u&=-161,o.__h.length&&d.push(o),f&&(o.__E=o.__=null)}catch(D){if(d.length=g,t.__v=null,u||l!=null){if(D.then){for(t.__u|=u?160:128;i&&i.nodeType==8&&i.nextSibling;)i=i.nextSibling;l!=null&&(l[l.indexOf(i)]=null),t.__e=i}else if(l!=null)for(M=l.length;M--;)ut(l[M])}else t.__e=r.__e;t.__k==null&&(t.__k=r.__k||[]),D.then||en(t),V.__e(D,t,r)}}else l==null&&t.__v==r.__v?(t.__k=r.__k,t.__e=r.__e):i=t.__e=Sn(r.__e,t,r,s,a,l,d,u,c);return(h=V.diffed)&&h(t),128&t.__u?void 0:i}function en(e){e&&(e.__c&&(e.__c.__e=!0),e.__k&&e.__k.some(en))}function tn(e,t,r){for(var s=0;s<r.length;s++)mt(r[s],r[++s],r[++s]);V.__c&&V.__c(t,e),e.some(function(a){try{e=a.__h,a.__h=[],e.some(function(l){l.call(a)})}catch(l){V.__e(l,a.__v)}})}function nn(e){return typeof e!="object"||e==null||e.__b>0?e:Fe(e)?e.map(nn):e.constructor!==void 0?null:ce({},e)}function Sn(e,t,r,s,a,l,d,i,u){var c,h,g,o,p,m,w,S=r.props||qe,f=t.props,b=t.type;if(b=="svg"?a="http://www.w3.org/2000/svg":b=="math"?a="http://www.w3.org/1998/Math/MathML":a||(a="http://www.w3.org/1999/xhtml"),l!=null){for(c=0;c<l.length;c++)if((p=l[c])&&"setAttribute"in p==!!b&&(b?p.localName==b:p.nodeType==3)){e=p,l[c]=null;break}}if(e==null){if(b==null)return document.createTextNode(f);e=document.createElementNS(a,b,f.is&&f),i&&(V.__m&&V.__m(t,l),i=!1),l=null}if(b==null)S===f||i&&e.data==f||(e.data=f);else{if(l=b=="textarea"&&f.defaultValue!=null?null:l&&Ve.call(e.childNodes),!i&&l!=null)for(S={},c=0;c<e.attributes.length;c++)S[(p=e.attributes[c]).name]=p.value;for(c in S)p=S[c],c=="dangerouslySetInnerHTML"?g=p:c=="children"||c in f||c=="value"&&"defaultValue"in f||c=="checked"&&"defaultChecked"in f||Me(e,c,null,p,a);for(c in f)p=f[c],c=="children"?o=p:c=="dangerouslySetInnerHTML"?h=p:c=="value"?m=p:c=="checked"?w=p:i&&typeof p!="function"||S[c]===p||Me(e,c,p,S[c],a);if(h)i||g&&(h.__html==g.__html||h.__html==e.innerHTML)||(e.innerHTML=h.__html),t.__k=[];else if(g&&(e.innerHTML=""),Yt(t.type=="template"?e.content:e,Fe(o)?o:[o],t,r,s,b=="foreignObject"?"http://www.w3.org/1999/xhtml":a,l,d,l?l[0]:r.__k&&ge(r,0),i,u),l!=null)for(c=l.length;c--;)ut(l[c]);i&&b!="textarea"||(c="value",b=="progress"&&m==null?e.removeAttribute("value"):m!=null&&(m!==e[c]||b=="progress"&&!m||b=="option"&&m!=S[c])&&Me(e,c,m,S[c],a),c="checked",w!=null&&w!=e[c]&&Me(e,c,w,S[c],a))}return e}function mt(e,t,r){try{if(typeof e=="function"){var s=typeof e.__u=="function";s&&e.__u(),s&&t==null||(e.__u=e(t))}else e.current=t}catch(a){V.__e(a,r)}}function rn(e,t,r){var s,a;if(V.unmount&&V.unmount(e),(s=e.ref)&&(s.current&&s.current!=e.__e||mt(s,null,t)),(s=e.__c)!=null){if(s.componentWillUnmount)try{s.componentWillUnmount()}catch(l){V.__e(l,t)}s.base=s.__P=s.__n=null}if(s=e.__k)for(a=0;a<s.length;a++)s[a]&&rn(s[a],t,r||typeof e.type!="function");r||ut(e.__e),e.__c=e.__=e.__e=void 0}function kn(e,t,r){return this.constructor(e,r)}function $n(e,t,r){var s,a,l,d;t==document&&(t=document.documentElement),V.__&&V.__(e,t),a=(s=!1)?null:t.__k,l=[],d=[],ht(t,e=t.__k=_n(ne,null,[e]),a||qe,qe,t.namespaceURI,a?null:t.firstChild?Ve.call(t.childNodes):null,l,a?a.__e:t.firstChild,s,d),tn(l,e,d),e.props.children=null}Ve=Be.slice,V={__e:function(e,t,r,s){for(var a,l,d;t=t.__;)if((a=t.__c)&&!a.__)try{if((l=a.constructor)&&l.getDerivedStateFromError!=null&&(a.setState(l.getDerivedStateFromError(e)),d=a.__d),a.componentDidCatch!=null&&(a.componentDidCatch(e,s||{}),d=a.__d),d)return a.__E=a}catch(i){e=i}throw e}},zt=0,Ee.prototype.setState=function(e,t){var r;r=this.__s!=null&&this.__s!=this.state?this.__s:this.__s=ce({},this.state),typeof e=="function"&&(e=e(ce({},r),this.props)),e&&ce(r,e),e!=null&&this.__v&&(t&&this._sb.push(t),gt(this))},Ee.prototype.forceUpdate=function(e){this.__v&&(this.__e=!0,e&&this.__h.push(e),gt(this))},Ee.prototype.render=ne,ue=[],Jt=typeof Promise=="function"?Promise.prototype.then.bind(Promise.resolve()):setTimeout,Xt=function(e,t){return e.__v.__b-t.__v.__b},Ue.__r=0,ze=Math.random().toString(8),Pe="__d"+ze,Ie="__a"+ze,Kt=/(PointerCapture)$|Capture$/i,dt=0,rt=_t(!1),st=_t(!0);var In=0;function n(e,t,r,s,a,l){t||(t={});var d,i,u=t;if("ref"in u)for(i in u={},t)i=="ref"?d=t[i]:u[i]=t[i];var c={type:e,props:u,key:r,ref:d,__k:null,__:null,__b:0,__e:null,__c:null,constructor:void 0,__v:--In,__i:-1,__u:0,__source:a,__self:l};if(typeof e=="function"&&(d=e.defaultProps))for(i in d)u[i]===void 0&&(u[i]=d[i]);return V.vnode&&V.vnode(c),c}var Ce,W,Je,bt,Te=0,sn=[],J=V,wt=J.__b,vt=J.__r,St=J.diffed,kt=J.__c,$t=J.unmount,It=J.__;function pt(e,t){J.__h&&J.__h(W,e,Te||t),Te=0;var r=W.__H||(W.__H={__:[],__h:[]});return e>=r.__.length&&r.__.push({}),r.__[e]}function v(e){return Te=1,En(ln,e)}function En(e,t,r){var s=pt(Ce++,2);if(s.t=e,!s.__c&&(s.__=[ln(void 0,t),function(i){var u=s.__N?s.__N[0]:s.__[0],c=s.t(u,i);u!==c&&(s.__N=[c,s.__[1]],s.__c.setState({}))}],s.__c=W,!W.__f)){var a=function(i,u,c){if(!s.__c.__H)return!0;var h=!1,g=s.__c.props!==i;if(s.__c.__H.__.some(function(p){if(p.__N){h=!0;var m=p.__[0];p.__=p.__N,p.__N=void 0,m!==p.__[0]&&(g=!0)}}),l){var o=l.call(this,i,u,c);return h?o||g:o}return!h||g};W.__f=!0;var l=W.shouldComponentUpdate,d=W.componentWillUpdate;W.componentWillUpdate=function(i,u,c){if(this.__e){var h=l;l=void 0,a(i,u,c),l=h}d&&d.call(this,i,u,c)},W.shouldComponentUpdate=a}return s.__N||s.__}function F(e,t){var r=pt(Ce++,3);!J.__s&&on(r.__H,t)&&(r.__=e,r.u=t,W.__H.__h.push(r))}function Re(e){return Te=5,we(function(){return{current:e}},[])}function we(e,t){var r=pt(Ce++,7);return on(r.__H,t)&&(r.__=e(),r.__H=t,r.__h=e),r.__}function Et(e,t){return Te=8,we(function(){return e},t)}function xn(){for(var e;e=sn.shift();){var t=e.__H;if(e.__P&&t)try{t.__h.some(De),t.__h.some(ot),t.__h=[]}catch(r){t.__h=[],J.__e(r,e.__v)}}}J.__b=function(e){W=null,wt&&wt(e)},J.__=function(e,t){e&&t.__k&&t.__k.__m&&(e.__m=t.__k.__m),It&&It(e,t)},J.__r=function(e){vt&&vt(e),Ce=0;var t=(W=e.__c).__H;t&&(Je===W?(t.__h=[],W.__h=[],t.__.some(function(r){r.__N&&(r.__=r.__N),r.u=r.__N=void 0})):(t.__h.some(De),t.__h.some(ot),t.__h=[],Ce=0)),Je=W},J.diffed=function(e){St&&St(e);var t=e.__c;t&&t.__H&&(t.__H.__h.length&&(sn.push(t)!==1&&bt===J.requestAnimationFrame||((bt=J.requestAnimationFrame)||Cn)(xn)),t.__H.__.some(function(r){r.u&&(r.__H=r.u,r.u=void 0)})),Je=W=null},J.__c=function(e,t){t.some(function(r){try{r.__h.some(De),r.__h=r.__h.filter(function(s){return!s.__||ot(s)})}catch(s){t.some(function(a){a.__h&&(a.__h=[])}),t=[],J.__e(s,r.__v)}}),kt&&kt(e,t)},J.unmount=function(e){$t&&$t(e);var t,r=e.__c;r&&r.__H&&(r.__H.__.some(function(s){try{De(s)}catch(a){t=a}}),r.__H=void 0,t&&J.__e(t,r.__v))};var xt=typeof requestAnimationFrame=="function";function Cn(e){var t,r=function(){clearTimeout(s),xt&&cancelAnimationFrame(t),setTimeout(e)},s=setTimeout(r,35);xt&&(t=requestAnimationFrame(r))}function De(e){var t=W,r=e.__c;typeof r=="function"&&(e.__c=void 0,r()),W=t}function ot(e){var t=W;e.__c=e.__(),W=t}function on(e,t){return!e||e.length!==t.length||t.some(function(r,s){return r!==e[s]})}function ln(e,t){return typeof t=="function"?t(e):t}function K(e){return e===null?"null":Array.isArray(e)?"array":typeof e}function fe(e){return K(e)==="object"}function Tn(e){return Array.isArray(e)&&e.length>0&&e.every(t=>"message"in t)}function Ct(e,t){return e.length<124?e:t}const Rn="graphql-transport-ws";var ee=(e=>(e[e.InternalServerError=4500]="InternalServerError",e[e.InternalClientError=4005]="InternalClientError",e[e.BadRequest=4400]="BadRequest",e[e.BadResponse=4004]="BadResponse",e[e.Unauthorized=4401]="Unauthorized",e[e.Forbidden=4403]="Forbidden",e[e.SubprotocolNotAcceptable=4406]="SubprotocolNotAcceptable",e[e.ConnectionInitialisationTimeout=4408]="ConnectionInitialisationTimeout",e[e.ConnectionAcknowledgementTimeout=4504]="ConnectionAcknowledgementTimeout",e[e.SubscriberAlreadyExists=4409]="SubscriberAlreadyExists",e[e.TooManyInitialisationRequests=4429]="TooManyInitialisationRequests",e))(ee||{}),te=(e=>(e.ConnectionInit="connection_init",e.ConnectionAck="connection_ack",e.Ping="ping",e.Pong="pong",e.Subscribe="subscribe",e.Next="next",e.Error="error",e.Complete="complete",e))(te||{});function an(e){if(!fe(e))throw new Error(`Message is expected to be an object, but got ${K(e)}`);if(!e.type)throw new Error("Message is missing the 'type' property");if(typeof e.type!="string")throw new Error(`Message is expects the 'type' property to be a string, but got ${K(e.type)}`);switch(e.type){case"connection_init":case"connection_ack":case"ping":case"pong":{if(e.payload!=null&&!fe(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an object or nullish or missing, but got "${e.payload}"`);break}case"subscribe":{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${K(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);if(!fe(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an object, but got ${K(e.payload)}`);if(typeof e.payload.query!="string")throw new Error(`"${e.type}" message payload expects the 'query' property to be a string, but got ${K(e.payload.query)}`);if(e.payload.variables!=null&&!fe(e.payload.variables))throw new Error(`"${e.type}" message payload expects the 'variables' property to be a an object or nullish or missing, but got ${K(e.payload.variables)}`);if(e.payload.operationName!=null&&K(e.payload.operationName)!=="string")throw new Error(`"${e.type}" message payload expects the 'operationName' property to be a string or nullish or missing, but got ${K(e.payload.operationName)}`);if(e.payload.extensions!=null&&!fe(e.payload.extensions))throw new Error(`"${e.type}" message payload expects the 'extensions' property to be a an object or nullish or missing, but got ${K(e.payload.extensions)}`);break}case"next":{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${K(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);if(!fe(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an object, but got ${K(e.payload)}`);break}case"error":{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${K(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);if(!Tn(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an array of GraphQL errors, but got ${JSON.stringify(e.payload)}`);break}case"complete":{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${K(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);break}default:throw new Error(`Invalid message 'type' property "${e.type}"`)}return e}function An(e,t){return an(typeof e=="string"?JSON.parse(e,t):e)}function Se(e,t){return an(e),JSON.stringify(e,t)}function jn(e){const{url:t,connectionParams:r,lazy:s=!0,onNonLazyError:a=console.error,lazyCloseTimeout:l=0,keepAlive:d=0,disablePong:i,connectionAckWaitTimeout:u=0,retryAttempts:c=5,retryWait:h=async function(P){const y=Math.pow(2,P);await new Promise(T=>setTimeout(T,y*1e3+Math.floor(Math.random()*2700+300)))},shouldRetry:g=Xe,on:o,webSocketImpl:p,generateID:m=function(){return"xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx".replace(/[xy]/g,P=>{const y=Math.random()*16|0;return(P=="x"?y:y&3|8).toString(16)})},jsonMessageReplacer:w,jsonMessageReviver:S}=e;let f;if(p){if(!Pn(p))throw new Error("Invalid WebSocket implementation provided");f=p}else typeof WebSocket<"u"?f=WebSocket:typeof global<"u"?f=global.WebSocket||global.MozWebSocket:typeof window<"u"&&(f=window.WebSocket||window.MozWebSocket);if(!f)throw new Error("WebSocket implementation missing; on Node you can `import WebSocket from 'ws';` and pass `webSocketImpl: WebSocket` to `createClient`");const b=f,$=(()=>{const C=(()=>{const y={};return{on(T,j){return y[T]=j,()=>{delete y[T]}},emit(T){"id"in T&&y[T.id]?.(T)}}})(),P={connecting:o?.connecting?[o.connecting]:[],opened:o?.opened?[o.opened]:[],connected:o?.connected?[o.connected]:[],ping:o?.ping?[o.ping]:[],pong:o?.pong?[o.pong]:[],message:o?.message?[C.emit,o.message]:[C.emit],closed:o?.closed?[o.closed]:[],error:o?.error?[o.error]:[]};return{onMessage:C.on,on(y,T){const j=P[y];return j.push(T),()=>{const U=j.indexOf(T);U>-1&&j.splice(U,1)}},emit(y,...T){for(const j of[...P[y]])j(...T)}}})();function k(C){const P=[$.on("error",y=>{P.forEach(T=>T()),C(y)}),$.on("closed",y=>{P.forEach(T=>T()),C(y)})];return()=>P.forEach(y=>y())}let x,N=0,G,I=!1,M=0,R=!1;async function D(){clearTimeout(G);const[C,P]=await(x??(x=new Promise((j,U)=>(async()=>{if(I){if(await h(M),!N)return x=void 0,U({code:1e3,reason:"All Subscriptions Gone"});M++}$.emit("connecting",I);const H=new b(typeof t=="function"?await t():t,Rn);let re,de;function le(){isFinite(d)&&d>0&&(clearTimeout(de),de=setTimeout(()=>{H.readyState===b.OPEN&&(H.send(Se({type:te.Ping})),$.emit("ping",!1,void 0))},d))}k(z=>{x=void 0,clearTimeout(re),clearTimeout(de),U(z),z instanceof Tt&&(H.close(4499,"Terminated"),H.onerror=null,H.onclose=null)}),H.onerror=z=>$.emit("error",z),H.onclose=z=>$.emit("closed",z),H.onopen=async()=>{try{$.emit("opened",H);const z=typeof r=="function"?await r():r;if(H.readyState!==b.OPEN)return;H.send(Se(z?{type:te.ConnectionInit,payload:z}:{type:te.ConnectionInit},w)),isFinite(u)&&u>0&&(re=setTimeout(()=>{H.close(ee.ConnectionAcknowledgementTimeout,"Connection acknowledgement timeout")},u)),le()}catch(z){$.emit("error",z),H.close(ee.InternalClientError,Ct(z instanceof Error?z.message:String(z),"Internal client error"))}};let Z=!1;H.onmessage=({data:z})=>{try{const _=An(z,S);if($.emit("message",_),_.type==="ping"||_.type==="pong"){$.emit(_.type,!0,_.payload),_.type==="pong"?le():i||(H.send(Se(_.payload?{type:te.Pong,payload:_.payload}:{type:te.Pong},w)),$.emit("pong",!1,_.payload));return}if(Z)return;if(_.type!==te.ConnectionAck)throw new Error(`First message cannot be of type ${_.type}`);clearTimeout(re),Z=!0,$.emit("connected",H,_.payload,I),I=!1,M=0;const E=new Promise((A,L)=>k(L));E.catch(()=>{}),j([H,E])}catch(_){H.onmessage=null,$.emit("error",_),H.close(ee.BadResponse,Ct(_ instanceof Error?_.message:String(_),"Bad response"))}}})())));C.readyState===b.CLOSING&&await P;let y=()=>{};const T=new Promise(j=>y=j);return[C,y,new Promise((j,U)=>{const H=k(U);C.readyState!==b.OPEN&&P.catch(U),T.then(()=>{if(H(),!N){const re=()=>C.close(1e3,"Normal Closure");isFinite(l)&&l>0?(clearTimeout(G),G=setTimeout(()=>{!N&&C.readyState===b.OPEN&&re()},l)):re()}j()})})]}function Q(C){if(Xe(C)&&(Mn(C.code)||[ee.InternalServerError,ee.InternalClientError,ee.BadRequest,ee.BadResponse,ee.Unauthorized,ee.SubprotocolNotAcceptable,ee.SubscriberAlreadyExists,ee.TooManyInitialisationRequests].includes(C.code)))throw C;if(R)return!1;if(Xe(C)&&C.code===1e3)return N>0;if(!c||M>=c||!g(C))throw C;return I=!0}s||(async()=>{for(N++;;)try{const[,,C]=await D();await C}catch(C){try{if(!Q(C))return}catch(P){return a?.(P)}}})();function Y(C,P){const y=m(C);let T=!1,j=!1,U=()=>{N--,T=!0};return(async()=>{for(N++;;)try{const[H,re,de]=await D();if(T)return de.catch(()=>{}),re();const le=$.onMessage(y,Z=>{switch(Z.type){case te.Next:{P.next(Z.payload);return}case te.Error:{j=!0,T=!0,P.error(Z.payload),U();return}case te.Complete:{T=!0,U();return}}});H.send(Se({id:y,type:te.Subscribe,payload:C},w)),U=()=>{!T&&H.readyState===b.OPEN&&H.send(Se({id:y,type:te.Complete},w)),N--,T=!0,re()},await de.finally(le);return}catch(H){if(!Q(H))return}})().then(()=>{j||P.complete()}).catch(H=>{P.error(H)}),()=>{T||U()}}return{on:$.on,subscribe:Y,iterate(C){const P=[],y={done:!1,error:null,resolve:()=>{}},T=Y(C,{next(U){P.push(U),y.resolve()},error(U){y.done=!0,y.error=U,y.resolve()},complete(){y.done=!0,y.resolve()}}),j=(async function*(){for(;;){for(P.length||await new Promise(H=>y.resolve=H);P.length;)yield P.shift();if(y.error)throw y.error;if(y.done)return}})();return j.throw=async U=>(y.done||(y.done=!0,y.error=U,y.resolve()),{done:!0,value:void 0}),j.return=async()=>(T(),{done:!0,value:void 0}),j},async dispose(){if(R=!0,x){const[C]=await x;C.close(1e3,"Normal Closure")}},terminate(){x&&$.emit("closed",new Tt)}}}class Tt extends Error{name="TerminatedCloseEvent";message="4499: Terminated";code=4499;reason="Terminated";wasClean=!1}function Xe(e){return fe(e)&&"code"in e&&"reason"in e}function Mn(e){return[1e3,1001,1006,1005,1012,1013,1014].includes(e)?!1:e>=1e3&&e<=1999}function Pn(e){return typeof e=="function"&&"constructor"in e&&"CLOSED"in e&&"CLOSING"in e&&"CONNECTING"in e&&"OPEN"in e}let he=null;async function Nn(){const e=await fetch("/api/session",{headers:{Accept:"application/json"}});if(!e.ok)return he=null,null;const t=await e.json();return he={user:t.user,admin:t.admin,csrfToken:t.csrf_token},he}async function Dn(){const e={Accept:"application/json"};he&&(e["X-CSRF-Token"]=he.csrfToken),await fetch("/logout",{method:"POST",headers:e}),he=null}function Ae(e=location.pathname+location.search){return"/login?next="+encodeURIComponent(e)}class me extends Error{errors;constructor(t){super(t.map(r=>r.message).join("; ")||"request failed"),this.errors=t}has(t){return this.errors.some(r=>r.code===t)}}async function B(e,t,r){const s={"Content-Type":"application/json",Accept:"application/json"};he&&(s["X-CSRF-Token"]=he.csrfToken);const a={method:"POST",headers:s,body:JSON.stringify({query:e.toString(),variables:t}),credentials:"same-origin"},l=await fetch("/graphql",a);let d;try{d=await l.json()}catch{throw new me([{message:`HTTP ${l.status}`,code:l.status===401?"UNAUTHENTICATED":null}])}if(d.errors?.length)throw new me(d.errors.map(i=>({message:i.message,code:i.extensions?.code??null})));if(d.data==null)throw new me([{message:`HTTP ${l.status}`,code:null}]);return d.data}async function On(e,t,r){const s=new URLSearchParams({repo:e,name:t});"version"in r?s.set("version",r.version):"stage"in r&&s.set("stage",r.stage);const a=await fetch("/api/model-registry/get-download-uris?"+s.toString(),{headers:{Accept:"application/json"},credentials:"same-origin"});let l;try{l=await a.json()}catch{throw new me([{message:`HTTP ${a.status}`,code:null}])}if(!a.ok){const i=l??{};throw new me([{message:typeof i.detail=="string"?i.detail:`HTTP ${a.status}`,code:typeof i.code=="string"?i.code:null}])}const d={};if(typeof l=="object"&&l!==null)for(const[i,u]of Object.entries(l))typeof u=="string"&&(d[i]=u);return d}let Ke=null;function Hn(){if(!Ke){const e=location.protocol==="https:"?"wss:":"ws:";Ke=jn({url:`${e}//${location.host}/graphql`,lazy:!0,retryAttempts:1/0,shouldRetry:()=>!0,retryWait:async t=>{await new Promise(r=>setTimeout(r,Math.min(1e3*2**t,15e3)))}})}return Ke}function it(e,t,r,s){return Hn().subscribe({query:e.toString(),variables:t},{next:a=>{a.data&&r(a.data)},error:a=>s?.(a),complete:()=>{}})}const lt=new Set;function cn(){for(const e of lt)e()}window.addEventListener("popstate",cn);function Oe(e,t=!1){e!==location.pathname+location.search&&(t?history.replaceState(null,"",e):history.pushState(null,"",e),cn())}function Ln(){const[,e]=v(0);return F(()=>{const t=()=>e(r=>r+1);return lt.add(t),()=>{lt.delete(t)}},[]),{path:location.pathname,query:new URLSearchParams(location.search)}}const qn=["/graphql","/login","/logout","/api/","/auth/"];function Bn(e){e.addEventListener("click",t=>{if(t.defaultPrevented||t.button!==0||t.metaKey||t.ctrlKey||t.shiftKey||t.altKey)return;const s=t.target?.closest("a");if(!s||s.target||s.hasAttribute("download"))return;const a=new URL(s.href,location.href);a.origin===location.origin&&(qn.some(l=>a.pathname===l||a.pathname.startsWith(l))||(t.preventDefault(),Oe(a.pathname+a.search)))})}function Ge(e){return"/projects/"+encodeURIComponent(e)}function ie(e){if(!e)return"—";const t=new Date(e);return Number.isNaN(t.getTime())?e:t.toISOString().slice(0,16).replace("T"," ")+" UTC"}function Rt(e,t=Date.now()){if(!e)return"never";const r=Math.round((t-new Date(e).getTime())/1e3);return r<60?`${Math.max(r,0)} s ago`:r<3600?`${Math.round(r/60)} min ago`:r<86400?`${Math.round(r/3600)} h ago`:`${Math.round(r/86400)} d ago`}function We(e){if(e==null)return"";if(typeof e=="number"){if(Number.isInteger(e))return String(e);const t=Math.abs(e);return t!==0&&(t<.001||t>=1e6)?e.toExponential(3):String(Number(e.toPrecision(5)))}return typeof e=="string"?e:typeof e=="boolean"?e?"true":"false":JSON.stringify(e)}function at(e){const t=We(e);return e>0?"+"+t:t}function He(e){return e.split(":").slice(2).join(":")||e}class O extends String{__apiType;value;__meta__;constructor(t,r){super(t),this.value=t,this.__meta__=r}toString(){return this.value}}new O(`
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
    `,{fragmentName:"ModelFields"});new O(`
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
    `,{fragmentName:"RowFields"});new O(`
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
    `,{fragmentName:"ViewFields"});const Un=new O(`
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
    `),Vn=new O(`
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
    `),Fn=new O(`
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
    `),Gn=new O(`
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
}`),Wn=new O(`
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
}`),zn=new O(`
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
}`),Jn=new O(`
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
}`),Xn=new O(`
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
}`),Kn=new O(`
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
    `),Qn=new O(`
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
    `),Yn=new O(`
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
    `),Zn=new O(`
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
    `),er=new O(`
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
    `),tr=new O(`
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
    `),nr=new O(`
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
    `),rr=new O(`
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
}`),sr=new O(`
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
    `),or=new O(`
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
}`),ir=new O(`
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
}`),lr=new O(`
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
}`),ar=new O(`
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
    `),cr=new O(`
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
    `),dr=new O(`
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
}`),ur=new O(`
    mutation DeleteView($input: DeleteViewInput!) {
  deleteView(input: $input) {
    deletedId
    errors {
      code
      message
    }
  }
}
    `),hr=new O(`
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
    `),mr=new O(`
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
}`),pr=new O(`
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
}`),fr=new O(`
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
    `),gr=new O(`
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
    `),yr=new O(`
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
    `),_r=new O(`
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
    `);function ve(e){F(()=>{document.title=e?`${e} · gitstudio`:"gitstudio"},[e])}function br(){return ve("Not found"),n("section",{children:[n("h1",{children:"Not found"}),n("p",{children:["No page here. ",n("a",{href:"/",children:"All projects"})]})]})}function dn(e){return n("div",{class:"notice",role:"alert","data-testid":"sign-in-needed",children:e.signedIn?n("p",{children:[e.what," does not exist or you may not read it."]}):n("p",{children:[e.what," is not public. ",n("a",{href:Ae(),children:"Sign in"})," to see it."]})})}function je(e){const t=e.error instanceof Error?e.error.message:String(e.error);return n("div",{class:"notice error",role:"alert",children:n("p",{children:t})})}const wr=15e3;function vr(e){ve("Projects");const[t,r]=v(null),[s,a]=v(0),[l,d]=v(null),[i,u]=v(null);return F(()=>{let c=!1;const h=async()=>{try{const o=[];let p=null,m=0,w=!1;for(let S=0;S<20;S++){const f=await B(Qn,{after:p});if(o.push(...f.projects.nodes),m=f.projects.totalCount,w=f.projects.pageInfo.hasNextPage,p=f.projects.pageInfo.endCursor,!w)break}if(c)return;r(o),a(m),d(w?p:null),u(null)}catch(o){c||u(o)}};h();const g=setInterval(()=>{h()},wr);return()=>{c=!0,clearInterval(g)}},[]),n("section",{"aria-labelledby":"projects-title",children:[n("h1",{id:"projects-title",children:"Projects"}),i?n(je,{error:i}):null,e.session?null:n("p",{class:"muted",children:["Signed out: only public projects are listed. ",n("a",{href:Ae("/"),children:"Sign in"})," to see yours."]}),t===null?n("p",{class:"muted",children:"Loading projects…"}):t.length===0?n("p",{children:"No projects yet. Add one with the createProject mutation or `gitstudio project add`."}):n(ne,{children:[n("table",{class:"projects","data-testid":"projects",children:[n("caption",{class:"sr-only",children:[s," projects"]}),n("thead",{children:n("tr",{children:[n("th",{scope:"col",children:"Project"}),n("th",{scope:"col",children:"Last sync"}),n("th",{scope:"col",children:"State"}),n("th",{scope:"col",class:"num",children:"Commits"}),n("th",{scope:"col",class:"num",children:"Rows"}),n("th",{scope:"col",children:"Running live experiments"})]})}),n("tbody",{children:t.map(c=>n("tr",{"data-testid":"project","data-project":c.name,children:[n("th",{scope:"row",children:[n("a",{href:Ge(c.name),children:c.name}),n("div",{class:"muted small",title:c.repoUrl,children:[c.visibility.toLowerCase()," · ",c.defaultBranch??"no default branch"]})]}),n("td",{title:ie(c.lastSyncedAt),children:Rt(c.lastSyncedAt)}),n("td",{children:[n("span",{class:`badge sync-${c.syncState.toLowerCase()}`,children:c.syncState.toLowerCase()}),c.lastSyncError?n("div",{class:"sync-error","data-testid":"sync-error",children:c.lastSyncError}):null]}),n("td",{class:"num",children:c.commits.totalCount}),n("td",{class:"num","data-testid":"row-count",children:c.rows.totalCount}),n("td",{"data-testid":"running",children:c.running.totalCount===0?n("span",{class:"muted",children:"none"}):n("ul",{class:"running",children:[c.running.nodes.map(h=>n("li",{children:[n("span",{class:"live-dot","aria-hidden":"true"}),h.name??h.id," · step ",h.lastStep??0," · ",Rt(h.lastEventAt)]},h.id)),c.running.totalCount>c.running.nodes.length?n("li",{class:"muted",children:["and ",c.running.totalCount-c.running.nodes.length," more"]}):null]})})]},c.id))})]}),l?n("p",{class:"muted",children:["Showing the first ",t.length," of ",s," projects."]}):null]})]})}const Sr=(function(){const t=typeof document<"u"&&document.createElement("link").relList;return t&&t.supports&&t.supports("modulepreload")?"modulepreload":"preload"})(),kr=function(e){return"/"+e},At={},jt=function(t,r,s){let a=Promise.resolve();if(r&&r.length>0){let c=function(h){return Promise.all(h.map(g=>Promise.resolve(g).then(o=>({status:"fulfilled",value:o}),o=>({status:"rejected",reason:o}))))};var d=c;document.getElementsByTagName("link");const i=document.querySelector("meta[property=csp-nonce]"),u=i?.nonce||i?.getAttribute("nonce");a=c(r.map(h=>{if(h=kr(h),h in At)return;At[h]=!0;const g=h.endsWith(".css"),o=g?'[rel="stylesheet"]':"";if(document.querySelector(`link[href="${h}"]${o}`))return;const p=document.createElement("link");if(p.rel=g?"stylesheet":Sr,g||(p.as="script"),p.crossOrigin="",p.href=h,u&&p.setAttribute("nonce",u),document.head.appendChild(p),g)return new Promise((m,w)=>{p.addEventListener("load",m),p.addEventListener("error",()=>w(new Error(`Unable to preload CSS for ${h}`)))})}))}function l(i){const u=new Event("vite:preloadError",{cancelable:!0});if(u.payload=i,window.dispatchEvent(u),!u.defaultPrevented)throw i}return a.then(i=>{for(const u of i||[])u.status==="rejected"&&l(u.reason);return t().catch(l)})};async function un(e,t){const[{default:r},{expressionInterpreter:s}]=await Promise.all([jt(()=>import("./embed-ji_c-7H5.js"),__vite__mapDeps([0,1])),jt(()=>import("./vega-interpreter-BmnYaw1U.js").then(l=>l.v),[])]),a=await r(e,t,{ast:!0,expr:s,actions:!1,defaultStyle:!1,renderer:"canvas",tooltip:{disableDefaultStyle:!0}});return{finalize:()=>a.finalize(),insert:async(l,d)=>{await a.view.insert(l,d).runAsync()}}}function $r(e,t){return{$schema:"https://vega.github.io/schema/vega-lite/v6.json",title:e,width:360,height:200,data:{name:"points",values:t},mark:{type:"line",point:!0,tooltip:!0},encoding:{x:{field:"step",type:"quantitative",title:"step"},y:{field:"value",type:"quantitative",title:e,scale:{zero:!1}},color:{field:"rev",type:"nominal",title:"row"}}}}const Ir="plot_rows";function Qe(e){return typeof e=="object"&&e!==null&&!Array.isArray(e)}function Er(e){if(!Qe(e))return null;const t=e.data;if(Qe(t)&&Array.isArray(t.values)){const r=typeof t.name=="string"&&t.name?t.name:Ir;return{spec:{...e,data:{...t,name:r}},dataset:r,rows:t.values}}if(Array.isArray(t)){for(const r of t)if(Qe(r)&&typeof r.name=="string"&&Array.isArray(r.values))return{spec:e,dataset:r.name,rows:r.values}}return null}const xr=2e4;function Mt(e){return typeof e=="object"&&e!==null&&!Array.isArray(e)}class Cr{kept=[];listeners=new Set;listen(t){for(const r of this.kept)t(r);return this.listeners.add(t),()=>{this.listeners.delete(t)}}follow(t,r,s){return it(Fn,{projectId:t,experimentId:r,sinceStep:s},a=>{const l=a.liveMetrics;if(l.type!=="DATA"||l.step===null)return;const d={};if(Mt(l.plotRows))for(const[i,u]of Object.entries(l.plotRows))Array.isArray(u)&&(d[i]=u);this.emit({rowId:r,step:l.step,metrics:Mt(l.metrics)?l.metrics:{},plotRows:d})})}emit(t){this.kept.length>=xr&&this.kept.shift(),this.kept.push(t);for(const r of this.listeners)r(t)}}const Tr=12,Rr=500;function Ar(e){const t=[...new Set(e.rows.flatMap(s=>s.metricNames))].sort().slice(0,Tr),r=e.rows.map(s=>s.id).join(",");return t.length===0?null:n("div",{class:"plots","data-testid":"metric-charts",children:t.map(s=>n(jr,{name:s,rows:e.rows.filter(a=>a.metricNames.includes(s)),feed:e.feed},`${r}:${s}`))})}function jr(e){const t=Re(null),[r,s]=v(0),[a,l]=v(null);return F(()=>{const d=t.current;if(!d)return;const i={stopped:!1},u=()=>i.stopped;let c=null,h=()=>{};const g=new Map;let o=0;return(async()=>{const w=(await Promise.all(e.rows.map(async f=>{const $=(await B(Vn,{id:f.id,name:e.name,maxPoints:Rr})).node,k=$&&"metricHistory"in $?$.metricHistory:null,x=[];return k&&k.steps.forEach((N,G)=>{const I=k.values[G];typeof I=="number"&&x.push({rev:f.label,step:N,value:I})}),x}))).flat();for(const f of w)g.set(f.rev,Math.max(g.get(f.rev)??-1,f.step));if(u())return;if(c=await un(d,$r(e.name,w)),u()){c.finalize();return}o=w.length,s(o);const S=new Map(e.rows.filter(f=>f.live).map(f=>[f.id,f.label]));h=e.feed.listen(f=>{const b=S.get(f.rowId),$=f.metrics[e.name];b===void 0||typeof $!="number"||(g.get(b)??-1)>=f.step||(g.set(b,f.step),o+=1,s(o),c?.insert("points",[{rev:b,step:f.step,value:$}]))})})().catch(m=>l(m instanceof Error?m.message:String(m))),()=>{i.stopped=!0,h(),c?.finalize()}},[]),n("figure",{class:"plot","data-testid":"metric-chart","data-metric":e.name,"data-points":r,children:[n("figcaption",{children:e.name}),n("div",{ref:t,class:"chart"}),a?n("p",{class:"sync-error",children:a}):null]})}function Mr(e){const[t,r]=v(null),[s,a]=v(null),[l,d]=v(!0),i=e.ids.join(",");F(()=>{let o=!1;return r(null),B(Un,{projectId:e.projectId,ids:e.ids,baseline:e.baselineId}).then(p=>{const m=p.node;!o&&m&&"compare"in m&&r(m.compare)}).catch(p=>{o||a(p instanceof Error?p.message:String(p))}),()=>{o=!0}},[e.projectId,i,e.baselineId]);const u=we(()=>new Cr,[t]);F(()=>{if(!t)return;const o=t.experiments.filter(p=>p.kind==="LIVE"&&(p.status==="RUNNING"||p.status==="QUEUED")).map(p=>u.follow(e.projectId,p.id,p.lastStep===null?null:p.lastStep-1));return()=>{for(const p of o)p()}},[u]);const c=t?.experiments.some(o=>o.kind==="LIVE"&&(o.status==="RUNNING"||o.status==="QUEUED"))??!1,h=new Set(t?.differing??[]),g=t?t.rows.filter(o=>!l||h.has(o.column)):[];return n("section",{class:"compare","aria-labelledby":"compare-title","data-testid":"compare-panel",children:[n("div",{class:"compare-head",children:[n("h2",{id:"compare-title",children:["Compare ",e.ids.length," rows"]}),n("label",{children:[n("input",{type:"checkbox",checked:l,onChange:o=>d(o.currentTarget.checked)})," only columns that differ"]}),n("button",{type:"button",onClick:e.onClose,children:"Close compare"})]}),s?n("p",{class:"sync-error",children:s}):null,!t&&!s?n("p",{class:"muted",children:"Loading…"}):null,t?n(ne,{children:[n("div",{class:"compare-table-wrap",children:n("table",{class:"compare-table",children:[n("thead",{children:n("tr",{children:[n("th",{scope:"col",children:"Column"}),t.experiments.map(o=>n("th",{scope:"col",children:o.name??o.sha?.slice(0,7)??o.id},o.id))]})}),n("tbody",{children:g.map(o=>n("tr",{children:[n("th",{scope:"row",title:o.column,children:o.column}),o.values.map((p,m)=>{const w=o.deltas[m],S=o.better[m];return n("td",{class:`num ${S===!0?"better":S===!1?"worse":""}`,children:[We(p),w!=null&&w!==0?n("span",{class:"delta",children:[" (",at(w),")"]}):null]},m)})]},o.column))})]})}),n(Ar,{feed:u,rows:t.experiments.map(o=>({id:o.id,label:o.name??o.sha?.slice(0,7)??o.id,live:o.kind==="LIVE"&&(o.status==="RUNNING"||o.status==="QUEUED"),metricNames:o.metricNames}))}),n("div",{class:"plots","data-testid":"plots",children:[t.plots.map(o=>n(Pr,{plot:o,feed:c?u:null},o.id)),t.plots.length===0?n("p",{class:"muted",children:"These rows have no plots."}):null]}),t.plotErrors.length?n("ul",{class:"plot-errors",children:t.plotErrors.map((o,p)=>n("li",{class:"sync-error",children:[o.revision,": ",o.plot??"all plots",": ",o.message]},p))}):null]}):null]})}function Pr(e){const{plot:t}=e,[r,s]=v(null);return t.kind==="IMAGE"?n(Dr,{plot:t}):n("figure",{class:"plot","data-testid":"plot","data-plot":t.id,"data-rows":r??void 0,children:[n("figcaption",{children:t.id}),n(hn,{spec:t.spec,live:e.feed?{feed:e.feed,plot:t.id,onRows:s}:null})]})}function Nr(e){const t=new Map;for(const r of e){if(typeof r!="object"||r===null)continue;const{rev:s,step:a}=r;typeof a=="number"&&t.set(s,Math.max(t.get(s)??-1/0,a))}return t}function Dr(e){const{plot:t}=e,r=[...new Set(t.images.map(u=>u.step).filter(u=>u!==null))].sort((u,c)=>u-c),[s,a]=v(r.length-1),l=r[Math.min(Math.max(s,0),r.length-1)],i=[...new Set(t.images.map(u=>u.revision))].map(u=>{const c=t.images.filter(g=>g.revision===u);if(l===void 0)return c[c.length-1];const h=c.filter(g=>g.step===null||g.step<=l);return h[h.length-1]??c[0]}).filter(u=>u!==void 0);return n("figure",{class:"plot","data-testid":"plot","data-plot":t.id,children:[n("figcaption",{children:t.id}),r.length>1?n("label",{class:"step-slider",children:["Step ",l,n("input",{type:"range",min:0,max:r.length-1,value:s,onInput:u=>a(Number(u.currentTarget.value)),"data-testid":"step-slider"})]}):null,n("div",{class:"images",children:i.map(u=>n("img",{src:u.url,alt:`${t.id} of ${u.revision}${u.step!==null?` at step ${u.step}`:""}`,loading:"lazy"},u.url))})]})}function hn(e){const t=Re(null),[r,s]=v("loading"),a=e.live??null;return F(()=>{const l=t.current;if(!l||e.spec==null)return;let d=null,i=!1,u=()=>{};const c=a?Er(e.spec):null;return un(l,c?c.spec:e.spec).then(h=>{if(i){h.finalize();return}if(d=h,s("ready"),!a||!c)return;const g=Nr(c.rows);let o=c.rows.length;a.onRows(o),u=a.feed.listen(p=>{const m=(p.plotRows[a.plot]??[]).filter(w=>{if(typeof w!="object"||w===null)return!1;const{rev:S}=w,f=g.get(S);return f===void 0||p.step>f});if(m.length!==0){for(const w of m)g.set(w.rev,p.step);o+=m.length,a.onRows(o),h.insert(c.dataset,m)}})}).catch(h=>s(h instanceof Error?h.message:String(h))),()=>{i=!0,u(),d?.finalize()}},[e.spec,a?.feed]),n("div",{class:"chart-wrap","data-state":r==="loading"||r==="ready"?r:"error",children:[n("div",{ref:t,class:"chart","data-testid":"chart"}),r!=="loading"&&r!=="ready"?n("p",{class:"sync-error",children:r}):null]})}const Or=[{op:"EQ",label:"="},{op:"NE",label:"≠"},{op:"GT",label:">"},{op:"GTE",label:"≥"},{op:"LT",label:"<"},{op:"LTE",label:"≤"},{op:"CONTAINS",label:"contains"},{op:"EXISTS",label:"exists"}],Hr=[{field:"BRANCH",label:"Branch"},{field:"AUTHOR",label:"Author"},{field:"MESSAGE",label:"Message"},{field:"COMMITTED_AT",label:"Created"}],Lr={branch:"",onBranch:"",tag:"",detached:"",author:"",message:""};function mn(e){const t=e.filter(s=>s.kind==="METRIC").map(s=>s.id),r=e.filter(s=>s.kind==="PARAM").map(s=>s.id);return t.length+r.length<=40?[...t,...r]:[...t.slice(0,20),...r.slice(0,20)]}function Ye(e){return{columns:mn(e.columns),sort:null,git:{...Lr},conditions:[],showHidden:!1,groupByBranch:!0,baselineId:null,baseline:null,deltas:!1,viewGoals:{},view:null}}function be(e){const t={},r=e.git;r.branch&&(t.branch=r.branch),r.onBranch&&(t.onBranch=r.onBranch),r.tag&&(t.tag=r.tag),r.detached&&(t.detached=r.detached==="only"),r.author.trim()&&(t.author=r.author.trim()),r.message.trim()&&(t.message=r.message.trim());const s=e.conditions.filter(a=>a.column);return s.length&&(t.columns=s),e.showHidden&&(t.includeHidden=!0),t}function xe(e){return e?e.key.startsWith("field:")?[{field:e.key.slice(6),direction:e.direction}]:[{column:e.key,direction:e.direction}]:null}function Pt(e){return(e.sort===null||e.sort.key==="field:COMMITTED_AT")&&e.conditions.length===0&&!e.git.author.trim()&&!e.git.message.trim()}function ke(e){return typeof e=="string"?e:""}function Ze(e,t,r,s=[]){const a=new Set(t.columns.map(o=>o.id)),l=e.filter??{},i=(Array.isArray(e.order)?e.order:[])[0];let u=null;if(i){const o=i.direction==="ASC"?"ASC":"DESC";typeof i.column=="string"&&i.column?u={key:i.column,direction:o}:typeof i.field=="string"&&i.field&&(u={key:"field:"+i.field,direction:o})}const c=l.detached===!0?"only":l.detached===!1?"none":"",h={};for(const o of s)o.goal&&(h[o.column]=o.goal);const g=e.columns.filter(o=>a.has(o));return{...r,columns:g.length?g:mn(t.columns),sort:u,git:{branch:ke(l.branch),onBranch:ke(l.onBranch),tag:ke(l.tag),detached:c,author:ke(l.author),message:ke(l.message)},conditions:Array.isArray(l.columns)?l.columns:[],showHidden:e.includeHidden,baselineId:e.baseline?.id??null,baseline:null,deltas:r.deltas&&e.baseline!==null,viewGoals:h,view:e.name}}function qr(e,t){const r=new Map;for(const s of e.columnGoals)s.goal&&r.set(s.column,s.goal);for(const[s,a]of Object.entries(t.viewGoals))r.set(s,a);return r}function pn(e){const t=e.trim();if(t==="")return null;try{return JSON.parse(t)}catch{return t}}function Br(e,t){const r=new URLSearchParams;r.set("filter",JSON.stringify(be(t)));const s=xe(t.sort);s&&r.set("orderBy",JSON.stringify(s));for(const a of t.columns)r.append("columns",a);return`/api/projects/${e}/experiments.csv?${r.toString()}`}function Nt(e){return{columns:e.columns,filter:be(e),order:xe(e.sort)??[],includeHidden:e.showHidden,baseline:e.baselineId?{id:e.baselineId}:null}}function Ur(e){if(!e)return null;let t;try{t=JSON.parse(e)}catch{return null}if(typeof t!="object"||t===null||Array.isArray(t))return null;const r=t,s=Array.isArray(r.columns)?r.columns.filter(d=>typeof d=="string"):[],a=typeof r.filter=="object"&&r.filter!==null&&!Array.isArray(r.filter)?r.filter:{},l=r.baseline;return{id:"",name:"",shared:!1,owner:null,columns:s,filter:a,order:Array.isArray(r.order)?r.order.filter(d=>typeof d=="object"&&d!==null):[],includeHidden:r.includeHidden===!0,baseline:l&&typeof l.id=="string"?{id:l.id}:null}}function et(e){const[t,r]=v(e.value);return F(()=>{r(e.value)},[e.value]),n("input",{type:e.type,value:t,onInput:s=>r(s.currentTarget.value),onChange:s=>e.commit(s.currentTarget.value)})}function Vr(e){const{project:t,state:r,update:s}=e,a=c=>s({git:{...r.git,...c}}),l=t.branches.filter(c=>r.showHidden||!c.hidden),d=r.conditions,i=(c,h)=>s({conditions:d.map((g,o)=>o===c?{...g,...h}:g)}),u=d.length+Object.values(r.git).filter(c=>c!=="").length;return n("details",{class:"panel","data-testid":"filters",children:[n("summary",{children:["Filters",u?` (${u})`:""]}),n("div",{class:"panel-body",children:[n("fieldset",{children:[n("legend",{children:"Git"}),n("label",{children:["Branch",n("select",{value:r.git.branch,onChange:c=>a({branch:c.currentTarget.value}),"data-testid":"filter-branch",children:[n("option",{value:"",children:"any"}),l.map(c=>n("option",{value:c.name,children:c.name},c.name))]})]}),n("label",{children:["Commits on branch",n("select",{value:r.git.onBranch,onChange:c=>a({onBranch:c.currentTarget.value}),children:[n("option",{value:"",children:"any"}),l.map(c=>n("option",{value:c.name,children:c.name},c.name))]})]}),n("label",{children:["Tag",n("select",{value:r.git.tag,onChange:c=>a({tag:c.currentTarget.value}),children:[n("option",{value:"",children:"any"}),t.tags.map(c=>n("option",{value:c.name,children:c.name},c.name))]})]}),n("label",{children:["Detached",n("select",{value:r.git.detached,onChange:c=>a({detached:c.currentTarget.value}),children:[n("option",{value:"",children:"shown"}),n("option",{value:"only",children:"only"}),n("option",{value:"none",children:"left out"})]})]}),n("label",{children:["Author",n(et,{type:"search",value:r.git.author,commit:c=>a({author:c})})]}),n("label",{children:["Message",n(et,{type:"search",value:r.git.message,commit:c=>a({message:c})})]})]}),n("fieldset",{children:[n("legend",{children:"Values"}),d.map((c,h)=>n("div",{class:"condition","data-testid":"condition",children:[n("label",{children:[n("span",{class:"sr-only",children:["Column of condition ",h+1]}),n("select",{value:c.column,onChange:g=>i(h,{column:g.currentTarget.value}),children:t.columns.map(g=>n("option",{value:g.id,children:g.id},g.id))})]}),n("label",{children:[n("span",{class:"sr-only",children:["Operator of condition ",h+1]}),n("select",{value:c.op,onChange:g=>i(h,{op:g.currentTarget.value}),children:Or.map(g=>n("option",{value:g.op,children:g.label},g.op))})]}),c.op!=="EXISTS"?n("label",{children:[n("span",{class:"sr-only",children:["Value of condition ",h+1]}),n(et,{type:"text",value:c.value===null||c.value===void 0?"":typeof c.value=="string"?c.value:JSON.stringify(c.value),commit:g=>i(h,{value:pn(g)})})]}):null,n("button",{type:"button","aria-label":`Remove condition ${h+1}`,onClick:()=>s({conditions:d.filter((g,o)=>o!==h)}),children:"✕"})]},h)),n("button",{type:"button",disabled:t.columns.length===0,onClick:()=>{const c=t.columns.find(h=>h.kind==="METRIC")??t.columns[0];c&&s({conditions:[...d,{column:c.id,op:"GT",value:null}]})},children:"Add condition"})]}),u?n("button",{type:"button",onClick:()=>s({conditions:[],git:{branch:"",onBranch:"",tag:"",detached:"",author:"",message:""}}),children:"Clear filters"}):null]})]})}function Fr(e){const{project:t,state:r,update:s}=e,[a,l]=v(""),d=new Set(r.columns),i=new Map(t.columnGoals.map(m=>[m.column,m.goal])),u=(m,w)=>{const S=[...r.columns],f=S.indexOf(m),b=f+w;f<0||b<0||b>=S.length||([S[f],S[b]]=[S[b],S[f]],s({columns:S}))},c=(m,w)=>s({columns:w?[...r.columns,m]:r.columns.filter(S=>S!==m)}),h=(m,w)=>{const S={};for(const[f,b]of Object.entries(r.viewGoals))f!==m&&(S[f]=b);(w==="HIGHER"||w==="LOWER")&&(S[m]=w),s({viewGoals:S})},g=a.trim().toLowerCase(),o=new Map(t.columns.map(m=>[m.id,m])),p=[...r.columns.map(m=>o.get(m)).filter(m=>m!==void 0),...t.columns.filter(m=>!d.has(m.id))].filter(m=>!g||m.id.toLowerCase().includes(g));return n("details",{class:"panel","data-testid":"columns-chooser",children:[n("summary",{children:["Columns (",r.columns.length,"/",t.columns.length,")"]}),n("div",{class:"panel-body columns-body",children:[n("div",{class:"row-controls",children:[n("label",{children:["Find",n("input",{type:"search",value:a,onInput:m=>l(m.currentTarget.value)})]}),n("button",{type:"button",onClick:()=>s({columns:t.columns.map(m=>m.id)}),children:"Show all"}),n("button",{type:"button",onClick:()=>s({columns:[]}),children:"Hide all"}),e.saveProjectGoals&&Object.keys(r.viewGoals).length?n("button",{type:"button",onClick:e.saveProjectGoals,"data-testid":"save-project-goals",children:"Make these goals the project's"}):null]}),n("ul",{class:"columns-list",children:p.map(m=>{const w=d.has(m.id),S=r.viewGoals[m.id]??"";return n("li",{"data-testid":"column-option","data-column":m.id,children:[n("label",{class:"grow",children:[n("input",{type:"checkbox",checked:w,onChange:f=>c(m.id,f.currentTarget.checked)}),n("span",{class:`kind kind-${m.kind.toLowerCase()}`,children:m.kind==="METRIC"?"M":"P"})," ",m.id]}),n("label",{children:[n("span",{class:"sr-only",children:["Goal of ",m.id]}),n("select",{value:S,onChange:f=>h(m.id,f.currentTarget.value),children:[n("option",{value:"",children:i.get(m.id)?`project: ${(i.get(m.id)??"").toLowerCase()}`:"no goal"}),n("option",{value:"HIGHER",children:"higher is better"}),n("option",{value:"LOWER",children:"lower is better"})]})]}),n("button",{type:"button",disabled:!w,"aria-label":`Move ${m.id} left`,onClick:()=>u(m.id,-1),children:"↑"}),n("button",{type:"button",disabled:!w,"aria-label":`Move ${m.id} right`,onClick:()=>u(m.id,1),children:"↓"})]},m.id)})})]})]})}function Gr(e){const[t,r]=v(""),[s,a]=v(!1),[l,d]=v(null),i=e.views.find(u=>u.name===e.current)??null;return n("div",{class:"views","data-testid":"views",children:[n("label",{children:["View",n("select",{value:e.current??"","data-testid":"view-select",onChange:u=>e.pick(u.currentTarget.value||null),children:[n("option",{value:"",children:"(none)"}),e.views.map(u=>n("option",{value:u.name,children:[u.name,u.shared?" (shared)":""]},u.id))]})]}),i?n("button",{type:"button",onClick:()=>{e.remove(i).then(d)},children:"Delete view"}):null,e.signedIn?n("form",{class:"save-view",onSubmit:u=>{u.preventDefault();const c=t.trim()||e.current||"";if(!c){d("Name the view");return}e.save(c,s).then(h=>{d(h??`Saved “${c}”`),h||r("")})},children:[n("label",{children:["Save as",n("input",{type:"text",value:t,placeholder:e.current??"view name",onInput:u=>r(u.currentTarget.value),"data-testid":"view-name"})]}),n("label",{children:[n("input",{type:"checkbox",checked:s,onChange:u=>a(u.currentTarget.checked)})," shared"]}),n("button",{type:"submit",children:"Save view"})]}):null,l?n("span",{class:"muted",role:"status",children:l}):null]})}function Wr(e){const t=[];if(typeof e!="object"||e===null)return t;for(const[r,s]of Object.entries(e)){const a=typeof s=="object"&&s!==null&&"data"in s?s.data:s,l=(d,i)=>{if(typeof d=="object"&&d!==null&&!Array.isArray(d))for(const[u,c]of Object.entries(d))l(c,i?`${i}.${u}`:u);else i&&t.push({file:r,path:i,value:d})};l(a,"")}return t}function Dt(e){return typeof e=="string"?e:We(e)}function zr(e){const[t,r]=v(null),[s,a]=v(""),[l,d]=v({}),[i,u]=v("BRANCH"),[c,h]=v(""),[g,o]=v(""),[p,m]=v(null),[w,S]=v(!1);F(()=>{B(Yn,{id:e.rowId}).then(k=>{const x=k.node;!x||!("params"in x)||(r(Wr(x.params)),a(x.commit?.sha??x.sha??""))}).catch(k=>m(k instanceof Error?k.message:String(k)))},[e.rowId]);const f=k=>`${k.file}\0${k.path}`,b=(t??[]).filter(k=>f(k)in l&&l[f(k)]!==Dt(k.value)).map(k=>({file:k.file,path:k.path,value:pn(l[f(k)]??"")})),$=async()=>{S(!0);try{const x=(await B(Zn,{input:{projectId:e.projectId,baseRev:s,paramChanges:b,target:i,branch:c.trim()||null,message:g.trim()||null}})).runExperiment,N=x.errors[0];if(N)m(`${N.code}: ${N.message}`);else{const G=x.pullRequest;m(`Committed ${x.commit?.sha.slice(0,7)??""}${x.branch?` on ${x.branch}`:""}${G?`, pull request #${G.number}`:""}`)}}catch(k){m(k instanceof Error?k.message:String(k))}finally{S(!1)}};return n("section",{class:"compare","aria-labelledby":"run-title","data-testid":"run-panel",children:[n("div",{class:"compare-head",children:[n("h2",{id:"run-title",children:["Run an experiment from ",e.label]}),n("button",{type:"button",onClick:e.onClose,children:"Close"})]}),t===null?n("p",{class:"muted",children:"Loading params…"}):null,t?n("form",{onSubmit:k=>{k.preventDefault(),$()},children:[n("div",{class:"params-grid",children:t.map(k=>n("label",{class:"param","data-testid":"param","data-file":k.file,"data-path":k.path,children:[n("span",{class:"muted small",children:k.file})," ",k.path,n("input",{type:"text",value:l[f(k)]??Dt(k.value),onInput:x=>d({...l,[f(k)]:x.currentTarget.value})})]},f(k)))}),n("fieldset",{children:[n("legend",{children:"Where the commit goes"}),n("label",{children:["Base",n("input",{type:"text",value:s,onInput:k=>a(k.currentTarget.value),required:!0})]}),n("label",{children:["Target",n("select",{value:i,onChange:k=>u(k.currentTarget.value),"data-testid":"run-target",children:[n("option",{value:"COMMIT",children:"commit onto the branch"}),n("option",{value:"BRANCH",children:"a new branch"}),n("option",{value:"PULL_REQUEST",children:"a new branch and a pull request"})]})]}),n("label",{children:["Branch",n("input",{type:"text",value:c,onInput:k=>h(k.currentTarget.value),"data-testid":"run-branch"})]}),n("label",{children:["Message",n("input",{type:"text",value:g,onInput:k=>o(k.currentTarget.value)})]}),n("button",{type:"submit",class:"primary",disabled:w||b.length===0,"data-testid":"run-submit",children:["Run (",b.length," changed)"]})]})]}):null,p?n("p",{class:"notice",role:"status","data-testid":"run-result",children:p}):null]})}function Jr(e){const[t,r]=v(null),[s,a]=v(null),l=async()=>{const u=(await B(er,{projectId:e.projectId,state:null})).node;r(u&&"pullRequests"in u?u.pullRequests:[])};F(()=>{l().catch(i=>a(i instanceof Error?i.message:String(i)))},[e.projectId]);const d=async(i,u)=>{try{const c={pullRequestId:i.id},g=(u?(await B(tr,{input:c})).mergePullRequest:(await B(nr,{input:c})).closePullRequest).errors[0];a(g?`${g.code}: ${g.message}`:`#${i.number} ${u?"merged":"closed"}`),await l()}catch(c){a(c instanceof Error?c.message:String(c))}};return n("section",{class:"compare","aria-labelledby":"prs-title","data-testid":"pull-requests",children:[n("div",{class:"compare-head",children:[n("h2",{id:"prs-title",children:"Pull requests"}),n("button",{type:"button",onClick:e.onClose,children:"Close"})]}),s?n("p",{class:"muted",role:"status",children:s}):null,t===null?n("p",{class:"muted",children:"Loading…"}):t.length===0?n("p",{class:"muted",children:"No pull requests."}):n("table",{class:"projects",children:[n("thead",{children:n("tr",{children:[n("th",{scope:"col",children:"#"}),n("th",{scope:"col",children:"Title"}),n("th",{scope:"col",children:"Branches"}),n("th",{scope:"col",children:"State"}),n("th",{scope:"col",children:"Opened"}),n("th",{scope:"col",children:n("span",{class:"sr-only",children:"Actions"})})]})}),n("tbody",{children:t.map(i=>n("tr",{"data-testid":"pull-request","data-number":i.number,children:[n("td",{children:i.url?n("a",{href:i.url,children:["#",i.number]}):`#${i.number}`}),n("th",{scope:"row",children:i.title}),n("td",{children:[i.sourceBranch," → ",i.targetBranch]}),n("td",{children:[i.state.toLowerCase(),i.state==="OPEN"&&i.mergeable===!1?` (conflicts: ${i.conflicts.join(", ")})`:""]}),n("td",{children:[ie(i.createdAt)," by ",i.createdBy]}),n("td",{children:i.state==="OPEN"&&i.forge===null?n(ne,{children:[n("button",{type:"button",disabled:i.mergeable===!1,onClick:()=>{d(i,!0)},children:["Merge #",i.number]})," ",n("button",{type:"button",onClick:()=>{d(i,!1)},children:["Close #",i.number]})]}):null})]},i.id))})]})]})}const Xr=200;function Kr(e){const{project:t}=e,r=t.columns.filter(o=>o.kind==="METRIC"&&o.type==="number"),s=t.branches.filter(o=>!o.hidden),[a,l]=v(t.defaultBranch??s[0]?.name??""),[d,i]=v(r[0]?.id??""),[u,c]=v(null),[h,g]=v(null);return F(()=>{if(!a||!d)return;let o=!1;return c(null),B(_r,{projectId:t.id,branch:a,columns:[d],first:Xr}).then(p=>{const m=p.node;if(o||!m||!("trends"in m))return;const w=m.trends.filter(S=>typeof S.values[0]=="number").map(S=>({committedAt:S.committedAt,value:S.values[0],sha:S.sha.slice(0,7),message:S.message}));c({$schema:"https://vega.github.io/schema/vega-lite/v6.json",title:`${He(d)} on ${a}`,width:560,height:220,data:{values:w},mark:{type:"line",point:!0,tooltip:!0},encoding:{x:{field:"committedAt",type:"temporal",title:"committed"},y:{field:"value",type:"quantitative",title:He(d),scale:{zero:!1}},tooltip:[{field:"sha",title:"commit"},{field:"message",title:"message"},{field:"value",title:He(d)}]}}),g(null)}).catch(p=>{o||g(p instanceof Error?p.message:String(p))}),()=>{o=!0}},[t.id,a,d]),n("section",{class:"compare","aria-labelledby":"trends-title","data-testid":"trends-panel",children:[n("div",{class:"compare-head",children:[n("h2",{id:"trends-title",children:"Trends"}),n("label",{children:["Branch",n("select",{value:a,onChange:o=>l(o.currentTarget.value),children:s.map(o=>n("option",{value:o.name,children:o.name},o.name))})]}),n("label",{children:["Metric",n("select",{value:d,onChange:o=>i(o.currentTarget.value),children:r.map(o=>n("option",{value:o.id,children:o.id},o.id))})]}),n("button",{type:"button",onClick:e.onClose,children:"Close trends"})]}),h?n("p",{class:"sync-error",children:h}):null,r.length===0?n("p",{class:"muted",children:"This project has no numeric metric."}):null,u?n(hn,{spec:u}):null]})}function Qr(e,t){switch(e.t){case"branch":return"b:"+e.seg.key;case"row":return e.seg.key+":"+e.row.id;case"child":return e.seg.key+":"+e.parent.id+":"+e.row.id;case"more":return`m:${e.seg.key}:${String(t)}`}}const Yr=9e4,Zr=500,es=20;function ts(e,t,r){const s=4+e,a=s+2+(t?1+es*s:0),l=Math.floor(Yr/a);return Math.max(5,Math.min(r?100:Zr,l))}function ns(e,t){const{commit:r,...s}=e,a={...s,committedAt:r?.committedAt,branches:r?.branches};return t&&e.kind==="COMMIT"&&(a.children=r?.experiments?[...r.experiments]:[]),a}class rs{query;segments;onChange;stopped=!1;itemsCache=null;rowItems=new WeakMap;placeholders=new Map;branchItems=new Map;ids=new Map;collapsedBranches;collapsedRows;includeHidden;constructor(t,r,s,a={branches:new Set,rows:new Set}){this.collapsedBranches=a.branches,this.collapsedRows=a.rows,this.query=t,this.segments=r,this.onChange=s,this.includeHidden=!!t.filter.includeHidden}stop(){this.stopped=!0}isStopped(){return this.stopped}changed(){this.itemsCache=null,this.stopped||this.onChange()}reread(){this.generation+=1,this.ids.clear();for(const t of this.segments)Object.assign(t,{rows:[],total:null,cursor:null,hasNext:!0,loading:!1,error:null});this.changed()}generation=0;async load(t){if(t.loading||!t.hasNext&&t.total!==null||this.stopped)return;t.loading=!0;const r=this.generation;try{const s={projectId:this.query.projectId,filter:t.filter,orderBy:this.query.orderBy,first:ts(this.query.columns.length,this.query.nested,t.total===null),after:t.cursor,columns:this.query.columns},a=this.query.nested?await B(lr,s):await B(ir,s);if(this.isStopped()||r!==this.generation)return;const l=a.node;if(!l||!("experiments"in l))throw new Error("the project is gone");const d=l.experiments,i=this.idsOf(t);for(const u of d.nodes)i.has(u.id)||(i.add(u.id),t.rows.push(ns(u,this.query.nested)));t.total=Math.max(d.totalCount,t.rows.length),t.cursor=d.pageInfo.endCursor,t.hasNext=d.pageInfo.hasNextPage,t.hasNext||(t.total=t.rows.length),t.error=null}catch(s){if(r!==this.generation)return;t.error=s instanceof Error?s.message:String(s),t.hasNext=!1,t.total=t.rows.length}finally{r===this.generation&&(t.loading=!1,this.changed())}}idsOf(t){let r=this.ids.get(t);return r||(r=new Set(t.rows.map(s=>s.id)),this.ids.set(t,r)),r}items(){if(this.itemsCache)return this.itemsCache;const t=[],r=this.rowItems;for(const s of this.segments){if(s.key==="detached"&&s.total===0||s.label!==null&&(t.push(this.placeholder(s,"branch")),this.collapsedBranches.has(s.key)))continue;for(const l of s.rows){if(!this.includeHidden&&l.hidden)continue;let d=r.get(l);if(d?.seg!==s&&(d={t:"row",row:l,seg:s,depth:0},r.set(l,d)),t.push(d),l.children&&!this.collapsedRows.has(l.id))for(const i of l.children){if(!this.includeHidden&&i.hidden)continue;let u=r.get(i);(u?.t!=="child"||u.parent!==l||u.seg!==s)&&(u={t:"child",row:i,parent:l,seg:s,depth:1},r.set(i,u)),t.push(u)}}const a=s.error||s.total===null?1:s.total-s.rows.length;if(a>0){const l=this.placeholder(s,"more"),d=t.length;t.length=d+a,t.fill(l,d)}}return this.itemsCache=t,t}placeholder(t,r){const s=r==="branch"?this.branchItems:this.placeholders,a=s.get(t);if(a)return a;const l=r==="branch"?{t:"branch",seg:t}:{t:"more",seg:t};return s.set(t,l),l}*places(t){for(const r of this.segments)for(let s=0;s<r.rows.length;s++){const a=r.rows[s];if(a&&(a.id===t&&(yield{list:r.rows,index:s}),a.children)){const l=a.children.findIndex(d=>d.id===t);l>=0&&(yield{list:a.children,index:l})}}}upsert(t,r){let s=!1;for(const{list:a,index:l}of this.places(t.id)){const d=a[l];d&&(a[l]={...d,...t}),s=!0}return!s&&r&&(s=this.place(t)),s&&this.changed(),s}place(t){if(this.query.nested&&t.kind!=="COMMIT"){let s=!1;for(const l of this.segments)for(const d of l.rows)d.kind==="COMMIT"&&d.sha&&d.sha===t.baselineSha&&d.children&&(d.children.unshift({...t}),s=!0);if(s)return!0;const a=this.segments.find(l=>l.key==="detached");return t.detached&&a?(a.rows.unshift({...t}),this.idsOf(a).add(t.id),a.total=(a.total??0)+1,!0):!1}const r=this.segments[0];return!r||this.query.nested?!1:(r.rows.unshift({...t}),this.idsOf(r).add(t.id),r.total!==null&&(r.total+=1),!0)}patch(t,r){let s=!1;for(const{list:a,index:l}of this.places(t)){const d=a[l];d&&(a[l]={...d,...r}),s=!0}s&&this.changed()}remove(t){let r=!1;for(const s of this.segments){const a=s.rows.length;s.rows=s.rows.filter(l=>l.id!==t),s.rows.length!==a&&(this.ids.get(s)?.delete(t),r=!0,s.total!==null&&(s.total-=a-s.rows.length));for(const l of s.rows)l.children?.some(d=>d.id===t)&&(l.children=l.children.filter(d=>d.id!==t),r=!0)}r&&this.changed()}find(t){for(const{list:r,index:s}of this.places(t))return r[s]??null;return null}}const Le=32,Ot=4,ss=60;function fn(e){return e.kind==="COMMIT"?e.sha?.slice(0,7)??String(e.databaseId):e.name??(e.kind==="LIVE"?`live run ${e.databaseId}`:e.sha?.slice(0,7)??String(e.databaseId))}const Ht=new WeakMap;function Lt(e){let t=Ht.get(e);return t||(t=new Map(e.values.map(r=>[r.column,r.value])),Ht.set(e,t)),t}function $e(e,t,r,s=0){const a=r>=0?ye[r]??_e:_e;return(t.length+s)*7.5<=a-16?e:e+" clip"}function os(e){return(e??"").split(`
`,1)[0]??""}const ye=[36,250,124,120,120,240,140],_e=116,is=84,ct=ye.reduce((e,t)=>e+t,0),ls=(ye[0]??0)+(ye[1]??0),qt=2;function as(e){return ct+e.length*_e+is}function Bt(e,t,r){const s=Math.floor((t+ls-ct)/_e),a=Math.floor((t+r-ct)/_e),l=Math.min(e,Math.max(0,s-qt)),d=Math.min(e,Math.max(l,a+1+qt));return[l,d]}const tt=8;function cs(e){const{model:t,state:r}=e,s=Re(null),[a,l]=v(0),[d,i]=v(600),[u,c]=v(1200),[h,g]=v(0),o=t.items(),p=we(()=>as(r.columns),[r.columns]),[m,w]=Bt(r.columns.length,h,u),S=we(()=>[m,w],[m,w]);F(()=>{const I=s.current;if(!I)return;const M=new ResizeObserver(R=>{const D=R[R.length-1]?.contentRect;D&&(i(Math.ceil(D.height)),c(Math.ceil(D.width)))});return M.observe(I),()=>M.disconnect()},[]),F(()=>{s.current&&(s.current.scrollTop=0),l(0)},[t]);const f=a*tt,b=Math.max(0,f-Ot),$=Math.min(o.length,f+tt+Math.ceil(d/Le)+Ot);F(()=>{const I=new Set,M=Math.min(o.length,$+ss);for(let R=b;R<M;R++){const D=o[R];D?.t==="more"&&!D.seg.loading&&!D.seg.error&&I.add(D.seg)}for(const R of I)t.load(R)});const k=r.baseline?2:1,x=[];for(let I=b;I<$;I++){const M=o[I];M&&x.push(n(ds,{item:M,index:I,rowIndex:I+k+1,cols:S,...e},Qr(M,I)))}const N=I=>r.sort?.key===I?r.sort.direction==="ASC"?"ascending":"descending":"none",G=(I,M,R,D="")=>n("div",{role:"columnheader",class:`th ${D}`,"aria-sort":N(I),"data-testid":"column-header","data-column":I,children:n("button",{type:"button",class:"sort",title:R,onClick:()=>e.onSort(I),children:[n("span",{children:M}),n("span",{class:"arrow","aria-hidden":"true",children:N(I)==="ascending"?"▲":N(I)==="descending"?"▼":""})]})});return n("div",{class:"table-scroll",ref:s,role:"table","aria-label":`Experiments of ${e.project.name}`,"aria-rowcount":o.length+k,"aria-colcount":ye.length+r.columns.length+1,"data-testid":"experiments-table","data-nested":t.query.nested?"true":"false",onScroll:I=>{const M=I.currentTarget;l(Math.floor(M.scrollTop/Le/tt));const[R,D]=Bt(r.columns.length,M.scrollLeft,u);(R!==m||D!==w)&&g(M.scrollLeft)},style:{"--table-w":`${p}px`},children:[n("div",{role:"rowgroup",class:"thead",children:[n("div",{role:"row",class:"tr head","aria-rowindex":1,children:[n("div",{role:"columnheader",class:"th sticky0",children:n("span",{class:"sr-only",children:"Select"})}),n("div",{role:"columnheader",class:"th sticky1",children:"Experiment"}),n("div",{role:"columnheader",class:"th",children:"Status"}),Hr.map(I=>G("field:"+I.field,I.label,`Sort by ${I.label.toLowerCase()}`)),r.columns.map(I=>{const M=e.goals.get(I);return G(I,He(I),`${I}${M?` (${M.toLowerCase()} is better)`:""}`,I.startsWith("metric:")?"metric num":"param num")}),n("div",{role:"columnheader",class:"th",children:n("span",{class:"sr-only",children:"Actions"})})]}),r.baseline?n(gn,{row:r.baseline,depth:0,rowIndex:2,baseline:!0,...e,index:-1,cols:S}):null]}),n("div",{role:"rowgroup",class:"tbody",style:{height:`${o.length*Le}px`},children:x}),o.length===0?n("p",{class:"empty muted",children:"No rows match."}):null]})}function ds(e){const{item:t}=e,r={transform:`translateY(${e.index*Le}px)`};if(t.t==="branch"){const s=t.seg,a=e.model.collapsedBranches.has(s.key),l=s.total===null?"…":String(s.total),d=e.project.branches.some(i=>i.name===s.branch&&i.hidden);return n("div",{role:"row",class:"tr branch",style:r,"aria-rowindex":e.rowIndex,"data-testid":"branch-row","data-branch":s.branch??s.key,children:n("div",{role:"cell",class:"td span",children:[n("button",{type:"button",class:"twisty","aria-expanded":!a,"aria-label":`${a?"Expand":"Collapse"} ${s.label??""}`,onClick:()=>{a?e.model.collapsedBranches.delete(s.key):e.model.collapsedBranches.add(s.key),e.model.changed()},children:a?"▸":"▾"}),n("strong",{children:s.label}),n("span",{class:"muted small",children:[l," ",s.key==="detached"?"rows":"commits"]}),s.branch&&e.signedIn?n("button",{type:"button",class:"link",onClick:()=>e.onHideBranch(s.branch??"",d),"aria-label":`${d?"Unhide":"Hide"} branch ${s.branch}`,"data-testid":"hide-branch",children:d?"Unhide branch":"Hide branch"}):null,s.error?n("span",{class:"sync-error",children:s.error}):null]})})}return t.t==="more"?n("div",{role:"row",class:t.seg.error?"tr more read-error":"tr more",style:r,"aria-rowindex":e.rowIndex,"data-testid":t.seg.error?"read-error":"placeholder-row",children:n("div",{role:"cell",class:"td span muted",children:t.seg.error??"Loading…"})}):n(gn,{...e,row:t.row,depth:t.depth,style:r})}class gn extends Ee{flashUntil=0;collapsed=!1;shouldComponentUpdate(t){const r=this.props;return r.row!==t.row||r.index!==t.index||r.cols!==t.cols||r.rowIndex!==t.rowIndex||r.depth!==t.depth||r.state!==t.state||r.goals!==t.goals||r.selected!==t.selected||r.signedIn!==t.signedIn||r.baseline!==t.baseline||r.model!==t.model||this.flashUntil!==(t.flash.get(t.row.id)??0)||this.collapsed!==t.model.collapsedRows.has(t.row.id)}render(){return this.flashUntil=this.props.flash.get(this.props.row.id)??0,this.collapsed=this.props.model.collapsedRows.has(this.props.row.id),us(this.props)}}function us(e){const{row:t,state:r,model:s}=e,[a,l]=e.cols,d=r.columns.length-l+(l===a?a:0),i=fn(t),u=Lt(t),c=r.baseline?Lt(r.baseline):null,h=e.baseline===!0||r.baseline?.id===t.id,g=(e.flash.get(t.id)??0)>Date.now(),o=s.collapsedRows.has(t.id),p=t.branches?.[0]??"",m=t.author?.name??"",w=os(t.message),S=ie(t.committedAt??t.createdAt).replace(" UTC",""),f=["tr",e.depth===1?"child":"",t.kind==="LIVE"?"live":"",t.status==="RUNNING"?"running":"",t.hidden?"hidden-row":"",e.selected.has(t.id)?"selected":"",g?"flash":"",e.baseline?"baseline":""].join(" ");return n("div",{role:"row",class:f,style:e.style,"aria-rowindex":e.rowIndex,"data-testid":e.baseline?"baseline-row":"row","data-row-id":t.id,"data-kind":t.kind,"data-status":t.status,"data-hidden":t.hidden?"true":"false",children:[n("div",{role:"cell",class:"td sticky0",children:n("input",{type:"checkbox","aria-label":`Select ${i}`,checked:e.selected.has(t.id),onChange:b=>e.onSelect(t.id,b.currentTarget.checked)})}),n("div",{role:"cell",class:"td sticky1 name","data-testid":"row-name",children:[e.depth===1?n("span",{class:"indent","aria-hidden":"true"}):null,t.children&&t.children.length>0&&!e.baseline?n("button",{type:"button",class:"twisty","aria-expanded":!o,"aria-label":`${o?"Show":"Hide"} the ${t.children.length} experiments of ${i}`,onClick:()=>{o?s.collapsedRows.delete(t.id):s.collapsedRows.add(t.id),s.changed()},children:o?"▸":"▾"}):n("span",{class:"twisty-space","aria-hidden":"true"}),n("span",{class:t.kind==="COMMIT"?"sha":"exp-name",title:t.sha??t.name??"",children:i}),h?n("span",{class:"chip base",children:"baseline"}):null,t.kind==="LIVE"?n("span",{class:"chip live-chip",children:["live",t.lastStep!==null?` · step ${t.lastStep}`:""]}):null,t.detached?n("span",{class:"chip",children:"detached"}):null,t.tags.slice(0,2).map(b=>n("span",{class:"chip tag",children:b},b))]}),n("div",{role:"cell",class:"td","data-testid":"status",children:n("span",{class:`status status-${t.status.toLowerCase()}`,children:t.status})}),n("div",{role:"cell",class:$e("td",p,3),children:p}),n("div",{role:"cell",class:$e("td",m,4),children:m}),n("div",{role:"cell",class:$e("td",w,5),title:t.message??"",children:w}),n("div",{role:"cell",class:$e("td",S,6),title:ie(t.committedAt??t.createdAt),children:S}),r.columns.slice(a,l).map((b,$)=>{const k=u.get(b),x=c?.get(b);let N=We(k),G="td num",I=0,M;if(c&&!h&&typeof k=="number"&&typeof x=="number"){const R=k-x;r.deltas&&(N=at(R));const D=e.goals.get(b);if(D&&R!==0){const Q=D==="HIGHER"?R>0:R<0;G+=Q?" better":" worse",I=2,M=`${Q?"better":"worse"} than the baseline (${at(R)})`}}return n("div",{role:"cell",class:$e(G,N,-1,I),title:M,"data-column":b,"aria-colindex":ye.length+a+$+1,style:$===0&&a>0?{marginLeft:`${String(a*_e)}px`}:void 0,children:N},b)}),n("div",{role:"cell",class:"td actions","aria-colindex":ye.length+r.columns.length+1,style:d>0?{marginLeft:`${String(d*_e)}px`}:void 0,children:e.signedIn&&!e.baseline?n("button",{type:"button",class:"link","aria-label":`${t.hidden?"Unhide":"Hide"} ${i}`,onClick:()=>e.onHide(t,t.hidden),"data-testid":"hide-row",children:t.hidden?"Unhide":"Hide"}):null})]})}const Ut=2500,hs=300;function ms(e,t,r){const s=be(t),a=(u,c,h,g)=>({key:u,label:c,branch:h,filter:g,rows:[],total:null,cursor:null,hasNext:!0,loading:!1,error:null});if(!r)return[a("all",null,null,s)];const l={...s,kinds:["COMMIT"]};if(s.detached===!0)return[a("detached","Detached runs",null,s)];if(s.branch)return[a("branch:"+s.branch,s.branch,s.branch,l)];if(s.onBranch)return[a("on:"+s.onBranch,`commits on ${s.onBranch}`,null,l)];if(s.tag)return[a("tag:"+s.tag,`tag ${s.tag}`,null,l)];const i=e.branches.filter(u=>!u.folded&&(t.showHidden||!u.hidden)).sort((u,c)=>u.name===e.defaultBranch?-1:c.name===e.defaultBranch?1:u.name<c.name?-1:1).map(u=>a("branch:"+u.name,u.name,u.name,{...l,branch:u.name}));return s.detached!==!1&&i.push(a("detached","Detached runs",null,{...s,detached:!0})),i}async function Vt(e,t){try{const s=(await B(sr,{projectId:e,name:t})).node;return s&&"view"in s?s.view?.goals??[]:[]}catch{return[]}}function ps(e){return typeof e=="object"&&e!==null&&"databaseId"in e&&"values"in e}function fs(e){ve(e.name);const[t,r]=v(null),[s,a]=v(!1),[l,d]=v(null),[i,u]=v(null),[c,h]=v(null),[,g]=v(0),[o,p]=v(new Set),[m,w]=v(null),[S,f]=v(null),[b,$]=v(!1),[k,x]=v(null),[N,G]=v(!1),I=Re(new Map),M=Re({branches:new Set,rows:new Set}),R=Et(async()=>{try{const _=await B(rr,{name:e.name,includeHidden:!0});return _.project?(r(_.project),_.project):(a(!0),null)}catch(_){return _ instanceof me&&(_.has("UNAUTHENTICATED")||_.has("FORBIDDEN")||_.has("NOT_FOUND"))?a(!0):d(_),null}},[e.name]);F(()=>{R().then(_=>{if(!_)return;const E=Ye(_),A=new URLSearchParams(location.search),L=A.get("view"),q=L?_.views.find(pe=>pe.name===L):void 0,X=Ur(A.get("table"))??q;if(!X){u(E);return}(q?Vt(_.id,q.name):Promise.resolve([])).then(pe=>u({...Ze(X,_,E,pe),view:q?.name??null}))})},[R]);const D=i?i.groupByBranch&&Pt(i):!1,Q=i&&t?JSON.stringify([t.id,be(i),xe(i.sort),i.columns,D,t.branches]):null;F(()=>{if(!t||!i||Q===null)return;const _=new rs({projectId:t.id,filter:be(i),orderBy:xe(i.sort),columns:i.columns,nested:D},ms(t,i,D),()=>g(E=>E+1),M.current);return h(_),()=>_.stop()},[Q]),F(()=>{c&&(c.includeHidden=!!i?.showHidden),c?.changed()},[c,i?.showHidden]),F(()=>{if(!c||!t)return;const _={projectId:t.id,columns:c.query.columns},E=Object.keys(c.query.filter).every(ae=>ae==="includeHidden"),A=c.query.nested||E&&c.query.orderBy===null,L=ae=>{I.current.set(ae,Date.now()+Ut),setTimeout(()=>{const oe=I.current.get(ae);oe!==void 0&&oe<=Date.now()&&(I.current.delete(ae),c.changed())},Ut+50)};let q=null;const X=()=>{q??=setTimeout(()=>{q=null,c.reread()},hs)},se=it(mr,_,ae=>{const oe=ae.experimentEvents;if(oe.change==="REMOVED"||!oe.experiment){c.remove(oe.experimentId);return}c.upsert(oe.experiment,A)&&L(oe.experimentId),A||X()}),pe=it(pr,_,ae=>{const oe=ae.liveMetrics;c.upsert(oe.experiment,A)&&L(oe.experimentId)});return()=>{se(),pe(),q!==null&&clearTimeout(q)}},[c,t]);const Y=i?.baselineId??null,C=i?JSON.stringify(i.columns):"";F(()=>{if(!Y||!i)return;let _=!1;return B(or,{id:Y,columns:i.columns}).then(E=>{const A=E.node;if(_||!ps(A))return;const L=A;u(q=>q&&q.baselineId===Y?{...q,baseline:L}:q)}).catch(E=>w(E instanceof Error?E.message:String(E))),()=>{_=!0}},[Y,C]);const P=Et(_=>{u(E=>E&&{...E,..._,view:"view"in _?_.view??null:E.view})},[]);F(()=>{if(!t||!i)return;const _=t.views.find(X=>X.name===i.view),E=_?Ze(_,t,i):Ye(t),A=JSON.stringify(Nt(i)),L=new URLSearchParams(location.search);A===JSON.stringify(Nt(E))?L.delete("table"):L.set("table",A);const q=L.toString();Oe(location.pathname+(q?"?"+q:""),!0)},[t,i]);const y=i?.viewGoals,T=we(()=>t&&i?qr(t,i):new Map,[t,y]);if(s)return n(dn,{what:`Project “${e.name}”`,signedIn:e.session!==null});if(l)return n(je,{error:l});if(!t||!i||!c)return n("p",{class:"muted",children:["Loading ",e.name,"…"]});const j=e.session!==null,U=async _=>{const E=t.views.find(q=>q.name===_),A=new URLSearchParams(location.search);if(E){const q=await Vt(t.id,E.name);u(Ze(E,t,i,q)),A.set("view",E.name)}else u({...Ye(t),view:null}),A.delete("view");const L=A.toString();Oe(location.pathname+(L?"?"+L:""),!0)},H=async(_,E)=>{try{const A=await B(dr,{input:{projectId:t.id,name:_,shared:E,columns:i.columns,filter:be(i),order:xe(i.sort),baseline:i.baselineId,goals:Object.entries(i.viewGoals).map(([X,se])=>({column:X,goal:se})),includeHidden:i.showHidden}}),L=A.saveView.errors[0];if(L)return`${L.code}: ${L.message}`;const q=A.saveView.view;if(q){const X=[...t.views.filter(pe=>pe.id!==q.id),q];r({...t,views:X}),u({...i,view:q.name});const se=new URLSearchParams(location.search);se.set("view",q.name),Oe(location.pathname+"?"+se.toString(),!0)}return null}catch(A){return A instanceof Error?A.message:String(A)}},re=async()=>{try{for(const[_,E]of Object.entries(i.viewGoals)){const L=(await B(hr,{input:{projectId:t.id,column:_,goal:E}})).setColumnGoal.errors[0];if(L){w(`${L.code}: ${L.message}`);return}}await R(),w("Goals saved for the project")}catch(_){w(_ instanceof Error?_.message:String(_))}},de=async _=>{try{const A=(await B(ur,{input:{id:_.id}})).deleteView.errors[0];return A?`${A.code}: ${A.message}`:(r({...t,views:t.views.filter(L=>L.id!==_.id)}),await U(null),`Deleted “${_.name}”`)}catch(E){return E instanceof Error?E.message:String(E)}},le=async(_,E,A)=>{try{const L={input:{projectId:t.id,ids:_,branches:E},columns:c.query.columns},q=A?(await B(cr,L)).unhideRows:(await B(ar,L)).hideRows,X=q.errors[0];if(X){w(`${X.code}: ${X.message}`);return}for(const se of q.experiments)c.patch(se.id,{hidden:se.hidden,autoHidden:se.autoHidden});E.length&&await R(),p(new Set),w(`${A?"Shown":"Hidden"}: ${_.length+E.length}`)}catch(L){w(L instanceof Error?L.message:String(L))}},Z=[...o].map(_=>c.find(_)).filter(_=>_!==null),z=Pt(i);return n("section",{class:"table-page","aria-labelledby":"table-title",children:[n("div",{class:"title-bar",children:[n("h1",{id:"table-title",children:t.name}),n("span",{class:"muted small",children:[t.visibility.toLowerCase()," · synced ",ie(t.lastSyncedAt)," ·"," ",n("span",{class:`badge sync-${t.syncState.toLowerCase()}`,children:t.syncState.toLowerCase()})]}),t.lastSyncError?n("span",{class:"sync-error",children:t.lastSyncError}):null,n("a",{class:"csv",href:Br(t.databaseId,i),"data-testid":"csv-link",download:!0,children:"Export CSV"})]}),n("div",{class:"toolbar",role:"toolbar","aria-label":"Table",children:[n(Gr,{views:t.views,current:i.view,signedIn:j,pick:_=>{U(_)},save:H,remove:de}),n(Vr,{project:t,state:i,update:P}),n(Fr,{project:t,state:i,update:P,saveProjectGoals:j?()=>{re()}:void 0}),n("label",{title:z?"":"A sort by a value or a value filter lists rows flat",children:[n("input",{type:"checkbox",checked:i.groupByBranch&&z,disabled:!z,onChange:_=>P({groupByBranch:_.currentTarget.checked}),"data-testid":"group-toggle"})," ","Group by branch"]}),n("label",{children:[n("input",{type:"checkbox",checked:i.showHidden,onChange:_=>P({showHidden:_.currentTarget.checked}),"data-testid":"show-hidden"})," ","Show hidden"]}),n("button",{type:"button","aria-pressed":b,onClick:()=>$(!b),"data-testid":"trends-toggle",children:"Trends"}),n("button",{type:"button","aria-pressed":N,onClick:()=>G(!N),"data-testid":"pulls-toggle",children:"Pull requests"}),n("label",{children:[n("input",{type:"checkbox",checked:i.deltas,disabled:!i.baseline,onChange:_=>P({deltas:_.currentTarget.checked}),"data-testid":"delta-mode"})," ","Deltas"]})]}),n("div",{class:"selection-bar","aria-live":"polite",children:[n("span",{children:o.size?`${o.size} selected`:"Select rows to hide them or to use one as the baseline."}),o.size?n(ne,{children:[n("button",{type:"button",disabled:!j,onClick:()=>{le([...o],[],!1)},children:"Hide selected"}),n("button",{type:"button",disabled:!j,onClick:()=>{le([...o],[],!0)},children:"Unhide selected"}),n("button",{type:"button",disabled:Z.length!==1,onClick:()=>P({baseline:Z[0]??null,baselineId:Z[0]?.id??null}),"data-testid":"set-baseline",children:"Use as baseline"}),n("button",{type:"button",disabled:!j||Z.length!==1,onClick:()=>x(Z[0]??null),"data-testid":"run-experiment",children:"Run experiment"}),n("button",{type:"button",disabled:o.size>100,onClick:()=>f([...o]),"data-testid":"compare",children:"Compare"}),n("button",{type:"button",onClick:()=>p(new Set),children:"Clear selection"})]}):null,i.baseline?n("button",{type:"button",onClick:()=>P({baseline:null,baselineId:null,deltas:!1}),children:"Clear baseline"}):null,m?n("span",{class:"muted",role:"status",children:m}):null]}),k?n(zr,{projectId:t.id,rowId:k.id,label:fn(k),onClose:()=>x(null)}):null,N?n(Jr,{projectId:t.id,onClose:()=>G(!1)}):null,b?n(Kr,{project:t,onClose:()=>$(!1)}):null,S?n(Mr,{projectId:t.id,ids:S,baselineId:i.baselineId,onClose:()=>f(null)}):null,n(cs,{project:t,model:c,state:i,goals:T,selected:o,flash:I.current,signedIn:j,onSelect:(_,E)=>{const A=new Set(o);E?A.add(_):A.delete(_),p(A)},onSort:_=>{const E=i.sort,A=E?.key!==_?{key:_,direction:"DESC"}:E.direction==="DESC"?{key:_,direction:"ASC"}:null;P({sort:A})},onHide:(_,E)=>{le([_.id],[],E)},onHideBranch:(_,E)=>{le([],[_],E)}})]})}function gs(e){ve(e.model);const[t,r]=v(null),[s,a]=v(""),[l,d]=v(""),[i,u]=v(null),[c,h]=v(!1),[g,o]=v(null),[p,m]=v(null),[w,S]=v(!1),[f,b]=v(""),[$,k]=v(""),[x,N]=v(""),[G,I]=v(""),[M,R]=v("");if(F(()=>{B(Gn,{project:e.project,model:e.model}).then(y=>{if(!y.project?.model){h(!0);return}r(y.project.id),a(y.project.repoUrl),d(y.project.defaultBranch??""),u(y.project.model)}).catch(y=>{y instanceof me&&y.has("UNAUTHENTICATED")?h(!0):o(y)})},[e.project,e.model]),c)return n(dn,{what:`Model “${e.model}” of “${e.project}”`,signedIn:e.session!==null});if(g)return n(je,{error:g});if(!i||!t)return n("p",{class:"muted",children:["Loading ",e.model,"…"]});const D=async(y,T)=>{S(!0);try{const j=await y(),U=j.errors[0];U?m(`${U.code}: ${U.message}`):(j.model&&u(j.model),m(`${T}${j.tag?` (tag ${j.tag})`:""}`))}catch(j){m(j instanceof Error?j.message:String(j))}finally{S(!1)}},Q={projectId:t,model:i.name},Y=i.versions.filter(y=>y.registered),C=G||(Y[0]?.version??""),P=e.session!==null;return n("section",{"aria-labelledby":"model-title",children:[n("p",{class:"muted small",children:[n("a",{href:Ge(e.project),children:e.project})," / models"]}),n("h1",{id:"model-title",children:[i.name," ",i.deprecated?n("span",{class:"chip",children:"deprecated"}):null]}),n("p",{class:"muted",children:[i.type??"model"," · ",i.path??"no path"," ",i.declaredIn?`· declared in ${i.declaredIn}`:""," · latest"," ",i.latestVersion?.version??"none"]}),i.description?n("p",{children:i.description}):null,i.registryError?n("div",{class:"notice error",children:i.registryError.message}):null,p?n("p",{class:"notice",role:"status","data-testid":"model-message",children:p}):null,n("h2",{children:"Stages"}),i.stages.length===0?n("p",{class:"muted",children:"No stage assigned."}):n("ul",{class:"stages","data-testid":"stages",children:i.stages.map(y=>n("li",{"data-stage":y.stage,children:[n("strong",{children:y.stage}),": ",y.versions.map(T=>T.version).join(", ")]},y.stage))}),n("h2",{children:"Versions"}),n("table",{class:"projects","data-testid":"versions",children:[n("thead",{children:n("tr",{children:[n("th",{scope:"col",children:"Version"}),n("th",{scope:"col",children:"Commit"}),n("th",{scope:"col",children:"Stages"}),n("th",{scope:"col",children:"Author"}),n("th",{scope:"col",children:"Created"}),n("th",{scope:"col",children:"State"})]})}),n("tbody",{children:i.versions.map(y=>n("tr",{"data-testid":"version","data-version":y.version,children:[n("th",{scope:"row",children:y.version}),n("td",{children:n("code",{children:y.commit.slice(0,7)})}),n("td",{children:y.stages.join(", ")}),n("td",{children:y.author}),n("td",{children:ie(y.createdAt)}),n("td",{children:y.active?"active":y.registered?"deregistered":"unregistered"})]},y.version))})]}),n(ys,{repo:s,model:i}),P?n("div",{class:"registry-forms",children:[n("form",{onSubmit:y=>{y.preventDefault(),D(async()=>(await B(Wn,{input:{...Q,rev:f.trim()||l,version:$.trim()||null,bump:x||null}})).registerModelVersion,"Registered")},children:n("fieldset",{children:[n("legend",{children:"Register a version"}),n("label",{children:["Commit, branch or tag",n("input",{type:"text",value:f,placeholder:l,onInput:y=>b(y.currentTarget.value),"data-testid":"register-rev"})]}),n("label",{children:["Version",n("input",{type:"text",value:$,placeholder:"v1.2.3 (or bump)",onInput:y=>k(y.currentTarget.value),"data-testid":"register-version"})]}),n("label",{children:["Bump",n("select",{value:x,onChange:y=>N(y.currentTarget.value),children:[n("option",{value:"",children:"default"}),n("option",{value:"PATCH",children:"patch"}),n("option",{value:"MINOR",children:"minor"}),n("option",{value:"MAJOR",children:"major"})]})]}),n("button",{type:"submit",class:"primary",disabled:w,children:"Register"})]})}),n("form",{onSubmit:y=>{y.preventDefault();const T={...Q,version:C,stage:M.trim()};D(async()=>(await B(zn,{input:T})).assignStage,`Assigned ${T.stage}`)},children:n("fieldset",{children:[n("legend",{children:"Stages"}),n("label",{children:["Version",n("select",{value:C,onChange:y=>I(y.currentTarget.value),"data-testid":"stage-version",children:Y.map(y=>n("option",{value:y.version,children:y.version},y.version))})]}),n("label",{children:["Stage",n("input",{type:"text",value:M,required:!0,onInput:y=>R(y.currentTarget.value),"data-testid":"stage-name"})]}),n("button",{type:"submit",disabled:w||Y.length===0,children:"Assign"}),n("button",{type:"button",disabled:w||Y.length===0||!M.trim(),onClick:()=>{const y={...Q,version:C,stage:M.trim()};D(async()=>(await B(Jn,{input:y})).unassignStage,`Unassigned ${y.stage}`)},children:"Unassign"})]})}),n("button",{type:"button",disabled:w||i.deprecated,onClick:()=>{confirm(`Deprecate ${i.name}? A new registry tag revives it.`)&&D(async()=>(await B(Xn,{input:Q})).deprecateModel,"Deprecated")},children:"Deprecate model"})]}):null,n("h2",{children:"History"}),n("table",{class:"projects","data-testid":"history",children:[n("thead",{children:n("tr",{children:[n("th",{scope:"col",children:"When"}),n("th",{scope:"col",children:"Event"}),n("th",{scope:"col",children:"Version"}),n("th",{scope:"col",children:"Stage"}),n("th",{scope:"col",children:"By"}),n("th",{scope:"col",children:"Tag"})]})}),n("tbody",{children:i.history.map(y=>n("tr",{children:[n("td",{children:ie(y.createdAt)}),n("td",{children:y.kind.toLowerCase()}),n("td",{children:y.version??""}),n("td",{children:y.stage??""}),n("td",{children:y.author}),n("td",{children:n("code",{children:y.tag})})]},y.tag+y.kind))})]})]})}function Ft(e){return"version"in e?`version:${e.version}`:"stage"in e?`stage:${e.stage}`:"latest"}function ys(e){const{model:t}=e,[r,s]=v(new Map);F(()=>s(new Map),[t]);const a=[];t.latestVersion&&a.push({which:{},label:`latest (${t.latestVersion.version})`});for(const d of t.stages)a.push({which:{stage:d.stage},label:`stage ${d.stage} (${d.versions[0]?.version??"?"})`});for(const d of t.versions)d.active&&d.registered&&a.push({which:{version:d.version},label:d.version});const l=d=>{const i=Ft(d),u=c=>s(h=>new Map(h).set(i,c));u({loading:!0,files:null,error:null}),On(e.repo,t.name,d).then(c=>u({loading:!1,files:Object.entries(c).sort(([h],[g])=>h<g?-1:1),error:null})).catch(c=>{const h=c instanceof me?c.errors.map(g=>g.code?`${g.code}: ${g.message}`:g.message).join("; "):String(c);u({loading:!1,files:null,error:h})})};return n(ne,{children:[n("h2",{children:"Download"}),n("p",{class:"muted small",children:["The model's files as ",n("code",{children:["dvc artifacts get ",e.repo," ",t.name]})," fetches them (add"," ",n("code",{children:"--rev VERSION"})," or ",n("code",{children:"--stage STAGE"}),"); the links are signed for you and expire after an hour."]}),a.length===0?n("p",{class:"muted",children:"No registered version to download."}):n("ul",{class:"downloads","data-testid":"downloads",children:a.map(({which:d,label:i})=>{const u=Ft(d),c=r.get(u);return n("li",{"data-testid":"download","data-which":u,children:[n("strong",{children:i})," ",n("button",{type:"button",class:"link",disabled:c?.loading===!0,onClick:()=>l(d),"aria-label":`${Gt(c)}: ${t.name} ${i}`,"data-testid":"download-files",children:Gt(c)}),c?.error?n("span",{class:"sync-error",role:"alert","data-testid":"download-error",children:c.error}):null,c?.files?c.files.length===0?n("p",{class:"muted small","data-testid":"download-links",children:"No files."}):n("ul",{"data-testid":"download-links",children:c.files.map(([h,g])=>n("li",{children:n("a",{href:g,download:h.split("/").pop()??h,"data-testid":"download-link","data-path":h,children:h})},h))}):null]},u)})})]})}function Gt(e){return e?.files?"Refresh links":e?.loading?"Reading…":"Get download links"}function _s(e,t){return`${Ge(e)}/models/${encodeURIComponent(t)}`}function bs(e){ve("Models");const[t,r]=v(null),[s,a]=v(0),[l,d]=v(null),[i,u]=v(""),[c,h]=v(null),g=async(o,p)=>{try{const m=await B(Kn,{after:o,filter:p?{name:p}:null});r(w=>[...o&&w?w:[],...m.models.nodes]),a(m.models.totalCount),d(m.models.pageInfo.hasNextPage?m.models.pageInfo.endCursor:null),h(null)}catch(m){h(m)}};return F(()=>{const o=setTimeout(()=>{g(null,i.trim())},i?250:0);return()=>clearTimeout(o)},[i]),n("section",{"aria-labelledby":"models-title",children:[n("h1",{id:"models-title",children:"Models"}),n("div",{class:"toolbar",children:[n("label",{children:["Find a model",n("input",{type:"search",value:i,onInput:o=>u(o.currentTarget.value),"data-testid":"model-search"})]}),e.session?null:n("span",{class:"muted",children:"Signed out: models of public projects only."})]}),c?n(je,{error:c}):null,t===null?n("p",{class:"muted",children:"Loading models…"}):t.length===0?n("p",{children:"No models. Declare one in a dvc.yaml (`artifacts:`) or register one with GTO."}):n("table",{class:"projects","data-testid":"models",children:[n("caption",{class:"sr-only",children:[s," models"]}),n("thead",{children:n("tr",{children:[n("th",{scope:"col",children:"Model"}),n("th",{scope:"col",children:"Project"}),n("th",{scope:"col",children:"Latest version"}),n("th",{scope:"col",children:"Stages"}),n("th",{scope:"col",children:"Type"})]})}),n("tbody",{children:t.map(o=>n("tr",{"data-testid":"model","data-model":o.name,children:[n("th",{scope:"row",children:[o.project?n("a",{href:_s(o.project.name,o.name),children:o.name}):o.name,o.deprecated?n("span",{class:"chip",children:" deprecated"}):null,o.description?n("div",{class:"muted small",children:o.description}):null,o.registryError?n("div",{class:"sync-error",children:o.registryError.message}):null]}),n("td",{children:o.project?n("a",{href:Ge(o.project.name),children:o.project.name}):"—"}),n("td",{children:o.latestVersion?n(ne,{children:[o.latestVersion.version," ",n("span",{class:"muted small",children:ie(o.latestVersion.createdAt)})]}):n("span",{class:"muted",children:"unregistered"})}),n("td",{children:o.stages.map(p=>n("span",{class:"chip tag",children:[p.stage,": ",p.versions.map(m=>m.version).join(", ")]},p.stage))}),n("td",{children:o.type??""})]},`${o.project?.id??""}:${o.name}`))})]}),l?n("button",{type:"button",onClick:()=>{g(l,i.trim())},children:"More models"}):null]})}const ws=["READ","PROJECTS","EXPERIMENTS","MODELS","ADMIN"];function vs(e){ve("Access tokens");const[t,r]=v(null),[s,a]=v(null),[l,d]=v(""),[i,u]=v(new Set(["READ","EXPERIMENTS"])),[c,h]=v(null),g=c?.secret??null,[o,p]=v(null),m=async()=>{try{const f=await B(fr,{});r(f.me.tokens)}catch(f){a(f)}};if(F(()=>{e.session&&m()},[e.session]),!e.session)return n("section",{children:[n("h1",{children:"Access tokens"}),n("p",{children:[n("a",{href:Ae(),children:"Sign in"})," to manage your tokens."]}),n(Wt,{})]});const w=async()=>{h(null);try{const f=await B(gr,{input:{name:l.trim(),scopes:[...i]}}),b=f.createAccessToken.errors[0];if(b){p(`${b.code}: ${b.message}`);return}const $=f.createAccessToken;h($.token&&$.accessToken?{id:$.accessToken.id,secret:$.token}:null),p(null),d(""),await m()}catch(f){p(f instanceof Error?f.message:String(f))}},S=async f=>{if(confirm(`Revoke the token “${f.name}”? Scripts using it stop working.`))try{const $=(await B(yr,{id:f.id})).revokeAccessToken.errors[0];p($?`${$.code}: ${$.message}`:`Revoked “${f.name}”`),!$&&c?.id===f.id&&h(null),await m()}catch(b){p(b instanceof Error?b.message:String(b))}};return n("section",{"aria-labelledby":"tokens-title",children:[n("h1",{id:"tokens-title",children:"Access tokens"}),s?n(je,{error:s}):null,n("form",{class:"token-form",onSubmit:f=>{f.preventDefault(),w()},children:[n("label",{children:["Name",n("input",{type:"text",required:!0,value:l,onInput:f=>d(f.currentTarget.value),"data-testid":"token-name"})]}),n("fieldset",{children:[n("legend",{children:"Scopes"}),ws.map(f=>n("label",{children:[n("input",{type:"checkbox",checked:i.has(f),onChange:b=>{const $=new Set(i);b.currentTarget.checked?$.add(f):$.delete(f),u($)}})," ",f]},f))]}),n("button",{type:"submit",class:"primary",disabled:!l.trim()||i.size===0,children:"Create token"})]}),g?n("div",{class:"notice",role:"status","data-testid":"new-token",children:n("p",{children:["Your new token (shown once): ",n("code",{children:g})]})}):null,o?n("p",{class:"muted",role:"status",children:o}):null,t===null?n("p",{class:"muted",children:"Loading tokens…"}):n("table",{class:"projects","data-testid":"tokens",children:[n("thead",{children:n("tr",{children:[n("th",{scope:"col",children:"Name"}),n("th",{scope:"col",children:"Prefix"}),n("th",{scope:"col",children:"Scopes"}),n("th",{scope:"col",children:"Created"}),n("th",{scope:"col",children:"Last used"}),n("th",{scope:"col",children:n("span",{class:"sr-only",children:"Actions"})})]})}),n("tbody",{children:t.map(f=>n("tr",{"data-testid":"token",children:[n("th",{scope:"row",children:f.name}),n("td",{children:n("code",{children:f.prefix})}),n("td",{children:f.scopes.join(", ")}),n("td",{children:ie(f.createdAt)}),n("td",{children:ie(f.lastUsedAt)}),n("td",{children:n("button",{type:"button",onClick:()=>{S(f)},"aria-label":`Revoke ${f.name}`,children:"Revoke"})})]},f.id))})]}),n(Wt,{})]})}function Wt(){const e=location.origin;return n("section",{class:"device-login","aria-labelledby":"device-login-title","data-testid":"device-login",children:[n("h2",{id:"device-login-title",children:["Sign DVC in: ",n("code",{children:"dvc studio login"})]}),n("ol",{children:[n("li",{children:["On your machine run ",n("code",{"data-testid":"device-login-command",children:["dvc studio login --hostname ",e]})," (",n("code",{children:"-s EXPERIMENTS,MODELS,DATASETS"})," to choose the scopes, ",n("code",{children:"-n NAME"})," to name the token)."]}),n("li",{children:["DVC asks this server for a login and prints a code such as ",n("code",{children:"BCDF-GHJK"})," with the approval page's address (it opens it in a browser unless ",n("code",{children:"--no-open"}),")."]}),n("li",{children:["On the ",n("a",{href:"/auth/device-login","data-testid":"device-login-link",children:"approval page"}),", signed in as yourself, approve the code (or deny it): DVC receives a new access token of yours with the scopes it asked for (you must hold them), saves it with this server's address in its global config (",n("code",{children:"studio.token"}),","," ",n("code",{children:"studio.url"}),"), and the token shows in the list above, where you can revoke it."]})]}),n("form",{method:"get",action:"/auth/device-login",class:"token-form",children:[n("label",{children:["Code from DVC",n("input",{type:"text",name:"code",required:!0,maxLength:32,autoComplete:"off",placeholder:"BCDF-GHJK","data-testid":"device-login-code"})]}),n("button",{type:"submit",children:"Open the approval page"})]}),n("p",{class:"muted small",children:["The codes expire after a few minutes; DVC then stops and you run it again. Then ",n("code",{children:"dvc exp push"}),","," ",n("code",{children:"dvc artifacts get"})," and DVCLive's live updates reach this server with that token."]})]})}function Ss(e,t){if(e==="/"||e==="")return n(vr,{session:t});const r=/^\/projects\/([^/]+)\/models\/(.+)$/.exec(e);if(r?.[1]&&r[2]){const[a,l]=[decodeURIComponent(r[1]),decodeURIComponent(r[2])];return n(gs,{project:a,model:l,session:t},e)}const s=/^\/projects\/([^/]+)\/?$/.exec(e);if(s?.[1]){const a=decodeURIComponent(s[1]);return n(fs,{name:a,session:t},a)}return e==="/models"?n(bs,{session:t}):e==="/settings/tokens"?n(vs,{session:t}):n(br,{})}function ks(){const e=Ln(),[t,r]=v({loaded:!1});F(()=>{Nn().then(d=>r({loaded:!0,session:d})).catch(()=>r({loaded:!0,session:null}))},[]);const s=t.loaded?t.session:null,a=/^\/projects\/[^/]+\/models\//.test(e.path),l=d=>d==="/"?e.path==="/"||e.path.startsWith("/projects/")&&!a?"page":void 0:d==="/models"?e.path==="/models"||a?"page":void 0:e.path.startsWith(d)?"page":void 0;return n(ne,{children:[n("a",{class:"skip",href:"#main",children:"Skip to content"}),n("header",{class:"shell",children:[n("a",{class:"brand",href:"/",children:"gitstudio"}),n("nav",{"aria-label":"Main",children:n("ul",{children:[n("li",{children:n("a",{href:"/","aria-current":l("/"),children:"Projects"})}),n("li",{children:n("a",{href:"/models","aria-current":l("/models"),children:"Models"})}),n("li",{children:n("a",{href:"/settings/tokens","aria-current":l("/settings/tokens"),children:"Tokens"})}),n("li",{children:n("a",{href:"/graphql",children:"GraphiQL"})})]})}),n("div",{class:"who","data-testid":"session",children:t.loaded?s?n(ne,{children:[n("span",{"data-testid":"user",children:s.user}),n("button",{type:"button",onClick:()=>{Dn().then(()=>{location.assign(Ae("/"))})},children:"Sign out"})]}):n("a",{href:Ae(),"data-testid":"sign-in",children:"Sign in"}):null})]}),n("main",{id:"main",tabIndex:-1,children:t.loaded?Ss(e.path,s):n("p",{class:"muted",children:"Loading…"})})]})}const nt=document.getElementById("app");nt&&(Bn(nt),$n(n(ks,{}),nt));

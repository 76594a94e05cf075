const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=["assets/embed-ji_c-7H5.js","assets/vega-interpreter-BmnYaw1U.js"])))=>i.map(i=>d[i]);
var Ee,j,kt,ee,Ke,$t,xt,Re,ye,ue,It,Fe,He,De,$e={},xe=[],Ft=/acit|ex(?:s|g|n|p|$)|rph|grid|ows|mnc|ntw|ine[ch]|zoo|^ord|itera/i,Te=Array.isArray;function Z(e,t){for(var n in t)e[n]=t[n];return e}function Ve(e){e&&e.parentNode&&e.parentNode.removeChild(e)}function Vt(e,t,n){var o,i,l,d={};for(l in t)l=="key"?o=t[l]:l=="ref"?i=t[l]:d[l]=t[l];if(arguments.length>2&&(d.children=arguments.length>3?Ee.call(arguments,2):n),typeof e=="function"&&e.defaultProps!=null)for(l in e.defaultProps)d[l]===void 0&&(d[l]=e.defaultProps[l]);return we(e,d,o,i,null)}function we(e,t,n,o,i){var l={type:e,props:t,key:n,ref:o,__k:null,__:null,__b:0,__e:null,__c:null,constructor:void 0,__v:i??++kt,__i:-1,__u:0};return i==null&&j.vnode!=null&&j.vnode(l),l}function Y(e){return e.children}function he(e,t){this.props=e,this.context=t}function oe(e,t){if(t==null)return e.__?oe(e.__,e.__i+1):null;for(var n;t<e.__k.length;t++)if((n=e.__k[t])!=null&&n.__e!=null)return n.__e;return typeof e.type=="function"?oe(e):null}function Gt(e){if(e.__P&&e.__d){var t=e.__v,n=t.__e,o=[],i=[],l=Z({},t);l.__v=t.__v+1,j.vnode&&j.vnode(l),Ge(e.__P,l,t,e.__n,e.__P.namespaceURI,32&t.__u?[n]:null,o,n??oe(t),!!(32&t.__u),i),l.__v=t.__v,l.__.__k[l.__i]=l,Rt(o,l,i),t.__e=t.__=null,l.__e!=n&&Et(l)}}function Et(e){if((e=e.__)!=null&&e.__c!=null)return e.__e=e.__c.base=null,e.__k.some(function(t){if(t!=null&&t.__e!=null)return e.__e=e.__c.base=t.__e}),Et(e)}function Ye(e){(!e.__d&&(e.__d=!0)&&ee.push(e)&&!Ie.__r++||Ke!=j.debounceRendering)&&((Ke=j.debounceRendering)||$t)(Ie)}function Ie(){try{for(var e,t=1;ee.length;)ee.length>t&&ee.sort(xt),e=ee.shift(),t=ee.length,Gt(e)}finally{ee.length=Ie.__r=0}}function Tt(e,t,n,o,i,l,d,c,h,a,u){var f,s,_,m,v,y,p=o&&o.__k||xe,w=t.length;for(h=Wt(n,t,p,h,w),f=0;f<w;f++)(_=n.__k[f])!=null&&(s=_.__i!=-1&&p[_.__i]||$e,_.__i=f,y=Ge(e,_,s,i,l,d,c,h,a,u),m=_.__e,_.ref&&s.ref!=_.ref&&(s.ref&&We(s.ref,null,_),u.push(_.ref,_.__c||m,_)),v==null&&m!=null&&(v=m),4&_.__u?(h=Ct(_,h,e),s.__e&&(s.__e=null)):typeof _.type=="function"&&y!==void 0?h=y:m&&(h=m.nextSibling),_.__u&=-7);return n.__e=v,h}function Wt(e,t,n,o,i){var l,d,c,h,a,u=n.length,f=u,s=0;for(e.__k=new Array(i),l=0;l<i;l++)(d=t[l])!=null&&typeof d!="boolean"&&typeof d!="function"?(typeof d=="string"||typeof d=="number"||typeof d=="bigint"||d.constructor==String?d=e.__k[l]=we(null,d,null,null,null):Te(d)?d=e.__k[l]=we(Y,{children:d},null,null,null):d.constructor===void 0&&d.__b>0?d=e.__k[l]=we(d.type,d.props,d.key,d.ref?d.ref:null,d.__v):e.__k[l]=d,h=l+s,d.__=e,d.__b=e.__b+1,c=null,(a=d.__i=zt(d,n,h,f))!=-1&&(f--,(c=n[a])&&(c.__u|=2)),c==null||c.__v==null?(a==-1&&(i>u?s--:i<u&&s++),typeof d.type!="function"&&(d.__u|=4)):a!=h&&(a==h-1?s--:a==h+1?s++:(a>h?s--:s++,d.__u|=4))):e.__k[l]=null;if(f)for(l=0;l<u;l++)(c=n[l])!=null&&(2&c.__u)==0&&(c.__e==o&&(o=oe(c)),Nt(c,c));return o}function Ct(e,t,n){var o,i;if(typeof e.type=="function"){for(o=e.__k,i=0;o&&i<o.length;i++)o[i]&&(o[i].__=e,t=Ct(o[i],t,n));return t}e.__e!=t&&(t&&e.type&&!t.parentNode&&(t=oe(e)),t=n.insertBefore(e.__e,t||null));do t=t&&t.nextSibling;while(t!=null&&t.nodeType==8);return t}function zt(e,t,n,o){var i,l,d,c=e.key,h=e.type,a=t[n],u=a!=null&&(2&a.__u)==0;if(a===null&&c==null||u&&c==a.key&&h==a.type)return n;if(o>(u?1:0)){for(i=n-1,l=n+1;i>=0||l<t.length;)if((a=t[d=i>=0?i--:l++])!=null&&(2&a.__u)==0&&c==a.key&&h==a.type)return d}return-1}function Ze(e,t,n){t[0]=="-"?e.setProperty(t,n??""):e[t]=n==null?"":typeof n!="number"||Ft.test(t)?n:n+"px"}function ge(e,t,n,o,i){var l,d;e:if(t=="style")if(typeof n=="string")e.style.cssText=n;else{if(typeof o=="string"&&(e.style.cssText=o=""),o)for(t in o)n&&t in n||Ze(e.style,t,"");if(n)for(t in n)o&&n[t]==o[t]||Ze(e.style,t,n[t])}else if(t[0]=="o"&&t[1]=="n")l=t!=(t=t.replace(It,"$1")),d=t.toLowerCase(),t=d in e||t=="onFocusOut"||t=="onFocusIn"?d.slice(2):t.slice(2),e.l||(e.l={}),e.l[t+l]=n,n?o?n[ue]=o[ue]:(n[ue]=Fe,e.addEventListener(t,l?De:He,l)):e.removeEventListener(t,l?De:He,l);else{if(i=="http://www.w3.org/2000/svg")t=t.replace(/xlink(H|:h)/,"h").replace(/sName$/,"s");else if(t!="width"&&t!="height"&&t!="href"&&t!="list"&&t!="form"&&t!="tabIndex"&&t!="download"&&t!="rowSpan"&&t!="colSpan"&&t!="role"&&t!="popover"&&t in e)try{e[t]=n??"";break e}catch{}typeof n=="function"||(n==null||n===!1&&t[4]!="-"?e.removeAttribute(t):e.setAttribute(t,t=="popover"&&n==1?"":n))}}function et(e){return function(t){if(this.l){var n=this.l[t.type+e];if(t[ye]==null)t[ye]=Fe++;else if(t[ye]<n[ue])return;return n(j.event?j.event(t):t)}}}function Ge(e,t,n,o,i,l,d,c,h,a){var u,f,s,_,m,v,y,p,w,k,H,D,L,Q,z,F,G=t.type;if(t.constructor!==void 0)return null;128&n.__u&&(h=!!(32&n.__u),l=[c=t.__e=n.__e]),(u=j.__b)&&u(t);e:if(typeof G=="function"){f=d.length;try{if(w=t.props,k=G.prototype&&G.prototype.render,H=(u=G.contextType)&&o[u.__c],D=u?H?H.props.value:u.__:o,n.__c?p=(s=t.__c=n.__c).__=s.__E:(k?t.__c=s=new G(w,D):(t.__c=s=new he(w,D),s.constructor=G,s.render=Xt),H&&H.sub(s),s.state||(s.state={}),s.__n=o,_=s.__d=!0,s.__h=[],s._sb=[]),k&&s.__s==null&&(s.__s=s.state),k&&G.getDerivedStateFromProps!=null&&(s.__s==s.state&&(s.__s=Z({},s.__s)),Z(s.__s,G.getDerivedStateFromProps(w,s.__s))),m=s.props,v=s.state,s.__v=t,_)k&&G.getDerivedStateFromProps==null&&s.componentWillMount!=null&&s.componentWillMount(),k&&s.componentDidMount!=null&&s.__h.push(s.componentDidMount);else{if(k&&G.getDerivedStateFromProps==null&&w!==m&&s.componentWillReceiveProps!=null&&s.componentWillReceiveProps(w,D),t.__v==n.__v||!s.__e&&s.shouldComponentUpdate!=null&&s.shouldComponentUpdate(w,s.__s,D)===!1){t.__v!=n.__v&&(s.props=w,s.state=s.__s,s.__d=!1),t.__e=n.__e,t.__k=n.__k,t.__k.some(function(K){K&&(K.__=t)}),xe.push.apply(s.__h,s._sb),s._sb=[],s.__h.length&&d.push(s),c=oe(n);break e}s.componentWillUpdate!=null&&s.componentWillUpdate(w,s.__s,D),k&&s.componentDidUpdate!=null&&s.__h.push(function(){s.componentDidUpdate(m,v,y)})}if(s.context=D,s.props=w,s.__P=e,s.__e=!1,L=j.__r,Q=0,k)s.state=s.__s,s.__d=!1,L&&L(t),u=s.render(s.props,s.state,s.context),xe.push.apply(s.__h,s._sb),s._sb=[];else do s.__d=!1,L&&L(t),u=s.render(s.props,s.state,s.context),s.state=s.__s;while(s.__d&&++Q<25);s.state=s.__s,s.getChildContext!=null&&(o=Z(Z({},o),s.getChildContext())),k&&!_&&s.getSnapshotBeforeUpdate!=null&&(y=s.getSnapshotBeforeUpdate(m,v)),z=u!=null&&u.type===Y&&u.key==null?jt(u.props.children):u,c=Tt(e,Te(z)?z:[z],t,n,o,i,l,d,c,h,a),s.base=t.__e,t.__u&=-161,s.__h.length&&d.push(s),p&&(s.__E=s.__=null)}catch(K){if(d.length=f,t.__v=null,h||l!=null){if(K.then){for(t.__u|=h?160:128;c&&c.nodeType==8&&c.nextSibling;)c=c.nextSibling;l!=null&&(l[l.indexOf(c)]=null),t.__e=c}else if(l!=null)for(F=l.length;F--;)Ve(l[F])}else t.__e=n.__e;t.__k==null&&(t.__k=n.__k||[]),K.then||At(t),j.__e(K,t,n)}}else l==null&&t.__v==n.__v?(t.__k=n.__k,t.__e=n.__e):c=t.__e=Jt(n.__e,t,n,o,i,l,d,h,a);return(u=j.diffed)&&u(t),128&t.__u?void 0:c}function At(e){e&&(e.__c&&(e.__c.__e=!0),e.__k&&e.__k.some(At))}function Rt(e,t,n){for(var o=0;o<n.length;o++)We(n[o],n[++o],n[++o]);j.__c&&j.__c(t,e),e.some(function(i){try{e=i.__h,i.__h=[],e.some(function(l){l.call(i)})}catch(l){j.__e(l,i.__v)}})}function jt(e){return typeof e!="object"||e==null||e.__b>0?e:Te(e)?e.map(jt):e.constructor!==void 0?null:Z({},e)}function Jt(e,t,n,o,i,l,d,c,h){var a,u,f,s,_,m,v,y=n.props||$e,p=t.props,w=t.type;if(w=="svg"?i="http://www.w3.org/2000/svg":w=="math"?i="http://www.w3.org/1998/Math/MathML":i||(i="http://www.w3.org/1999/xhtml"),l!=null){for(a=0;a<l.length;a++)if((_=l[a])&&"setAttribute"in _==!!w&&(w?_.localName==w:_.nodeType==3)){e=_,l[a]=null;break}}if(e==null){if(w==null)return document.createTextNode(p);e=document.createElementNS(i,w,p.is&&p),c&&(j.__m&&j.__m(t,l),c=!1),l=null}if(w==null)y===p||c&&e.data==p||(e.data=p);else{if(l=w=="textarea"&&p.defaultValue!=null?null:l&&Ee.call(e.childNodes),!c&&l!=null)for(y={},a=0;a<e.attributes.length;a++)y[(_=e.attributes[a]).name]=_.value;for(a in y)_=y[a],a=="dangerouslySetInnerHTML"?f=_:a=="children"||a in p||a=="value"&&"defaultValue"in p||a=="checked"&&"defaultChecked"in p||ge(e,a,null,_,i);for(a in p)_=p[a],a=="children"?s=_:a=="dangerouslySetInnerHTML"?u=_:a=="value"?m=_:a=="checked"?v=_:c&&typeof _!="function"||y[a]===_||ge(e,a,_,y[a],i);if(u)c||f&&(u.__html==f.__html||u.__html==e.innerHTML)||(e.innerHTML=u.__html),t.__k=[];else if(f&&(e.innerHTML=""),Tt(t.type=="template"?e.content:e,Te(s)?s:[s],t,n,o,w=="foreignObject"?"http://www.w3.org/1999/xhtml":i,l,d,l?l[0]:n.__k&&oe(n,0),c,h),l!=null)for(a=l.length;a--;)Ve(l[a]);c&&w!="textarea"||(a="value",w=="progress"&&m==null?e.removeAttribute("value"):m!=null&&(m!==e[a]||w=="progress"&&!m||w=="option"&&m!=y[a])&&ge(e,a,m,y[a],i),a="checked",v!=null&&v!=e[a]&&ge(e,a,v,y[a],i))}return e}function We(e,t,n){try{if(typeof e=="function"){var o=typeof e.__u=="function";o&&e.__u(),o&&t==null||(e.__u=e(t))}else e.current=t}catch(i){j.__e(i,n)}}function Nt(e,t,n){var o,i;if(j.unmount&&j.unmount(e),(o=e.ref)&&(o.current&&o.current!=e.__e||We(o,null,t)),(o=e.__c)!=null){if(o.componentWillUnmount)try{o.componentWillUnmount()}catch(l){j.__e(l,t)}o.base=o.__P=o.__n=null}if(o=e.__k)for(i=0;i<o.length;i++)o[i]&&Nt(o[i],t,n||typeof e.type!="function");n||Ve(e.__e),e.__c=e.__=e.__e=void 0}function Xt(e,t,n){return this.constructor(e,n)}function Qt(e,t,n){var o,i,l,d;t==document&&(t=document.documentElement),j.__&&j.__(e,t),i=(o=!1)?null:t.__k,l=[],d=[],Ge(t,e=t.__k=Vt(Y,null,[e]),i||$e,$e,t.namespaceURI,i?null:t.firstChild?Ee.call(t.childNodes):null,l,i?i.__e:t.firstChild,o,d),Rt(l,e,d),e.props.children=null}Ee=xe.slice,j={__e:function(e,t,n,o){for(var i,l,d;t=t.__;)if((i=t.__c)&&!i.__)try{if((l=i.constructor)&&l.getDerivedStateFromError!=null&&(i.setState(l.getDerivedStateFromError(e)),d=i.__d),i.componentDidCatch!=null&&(i.componentDidCatch(e,o||{}),d=i.__d),d)return i.__E=i}catch(c){e=c}throw e}},kt=0,he.prototype.setState=function(e,t){var n;n=this.__s!=null&&this.__s!=this.state?this.__s:this.__s=Z({},this.state),typeof e=="function"&&(e=e(Z({},n),this.props)),e&&Z(n,e),e!=null&&this.__v&&(t&&this._sb.push(t),Ye(this))},he.prototype.forceUpdate=function(e){this.__v&&(this.__e=!0,e&&this.__h.push(e),Ye(this))},he.prototype.render=Y,ee=[],$t=typeof Promise=="function"?Promise.prototype.then.bind(Promise.resolve()):setTimeout,xt=function(e,t){return e.__v.__b-t.__v.__b},Ie.__r=0,Re=Math.random().toString(8),ye="__d"+Re,ue="__a"+Re,It=/(PointerCapture)$|Capture$/i,Fe=0,He=et(!1),De=et(!0);var Kt=0;function r(e,t,n,o,i,l){t||(t={});var d,c,h=t;if("ref"in h)for(c in h={},t)c=="ref"?d=t[c]:h[c]=t[c];var a={type:e,props:h,key:n,ref:d,__k:null,__:null,__b:0,__e:null,__c:null,constructor:void 0,__v:--Kt,__i:-1,__u:0,__source:i,__self:l};if(typeof e=="function"&&(d=e.defaultProps))for(c in d)h[c]===void 0&&(h[c]=d[c]);return j.vnode&&j.vnode(a),a}var me,O,je,tt,fe=0,Mt=[],B=j,nt=B.__b,rt=B.__r,ot=B.diffed,it=B.__c,st=B.unmount,lt=B.__;function ze(e,t){B.__h&&B.__h(O,e,fe||t),fe=0;var n=O.__H||(O.__H={__:[],__h:[]});return e>=n.__.length&&n.__.push({}),n.__[e]}function x(e){return fe=1,Yt(Ht,e)}function Yt(e,t,n){var o=ze(me++,2);if(o.t=e,!o.__c&&(o.__=[Ht(void 0,t),function(c){var h=o.__N?o.__N[0]:o.__[0],a=o.t(h,c);h!==a&&(o.__N=[a,o.__[1]],o.__c.setState({}))}],o.__c=O,!O.__f)){var i=function(c,h,a){if(!o.__c.__H)return!0;var u=!1,f=o.__c.props!==c;if(o.__c.__H.__.some(function(_){if(_.__N){u=!0;var m=_.__[0];_.__=_.__N,_.__N=void 0,m!==_.__[0]&&(f=!0)}}),l){var s=l.call(this,c,h,a);return u?s||f:s}return!u||f};O.__f=!0;var l=O.shouldComponentUpdate,d=O.componentWillUpdate;O.componentWillUpdate=function(c,h,a){if(this.__e){var u=l;l=void 0,i(c,h,a),l=u}d&&d.call(this,c,h,a)},O.shouldComponentUpdate=i}return o.__N||o.__}function q(e,t){var n=ze(me++,3);!B.__s&&Pt(n.__H,t)&&(n.__=e,n.u=t,O.__H.__h.push(n))}function se(e){return fe=5,Ce(function(){return{current:e}},[])}function Ce(e,t){var n=ze(me++,7);return Pt(n.__H,t)&&(n.__=e(),n.__H=t,n.__h=e),n.__}function at(e,t){return fe=8,Ce(function(){return e},t)}function Zt(){for(var e;e=Mt.shift();){var t=e.__H;if(e.__P&&t)try{t.__h.some(be),t.__h.some(Oe),t.__h=[]}catch(n){t.__h=[],B.__e(n,e.__v)}}}B.__b=function(e){O=null,nt&&nt(e)},B.__=function(e,t){e&&t.__k&&t.__k.__m&&(e.__m=t.__k.__m),lt&&lt(e,t)},B.__r=function(e){rt&&rt(e),me=0;var t=(O=e.__c).__H;t&&(je===O?(t.__h=[],O.__h=[],t.__.some(function(n){n.__N&&(n.__=n.__N),n.u=n.__N=void 0})):(t.__h.some(be),t.__h.some(Oe),t.__h=[],me=0)),je=O},B.diffed=function(e){ot&&ot(e);var t=e.__c;t&&t.__H&&(t.__H.__h.length&&(Mt.push(t)!==1&&tt===B.requestAnimationFrame||((tt=B.requestAnimationFrame)||en)(Zt)),t.__H.__.some(function(n){n.u&&(n.__H=n.u,n.u=void 0)})),je=O=null},B.__c=function(e,t){t.some(function(n){try{n.__h.some(be),n.__h=n.__h.filter(function(o){return!o.__||Oe(o)})}catch(o){t.some(function(i){i.__h&&(i.__h=[])}),t=[],B.__e(o,n.__v)}}),it&&it(e,t)},B.unmount=function(e){st&&st(e);var t,n=e.__c;n&&n.__H&&(n.__H.__.some(function(o){try{be(o)}catch(i){t=i}}),n.__H=void 0,t&&B.__e(t,n.__v))};var ct=typeof requestAnimationFrame=="function";function en(e){var t,n=function(){clearTimeout(o),ct&&cancelAnimationFrame(t),setTimeout(e)},o=setTimeout(n,35);ct&&(t=requestAnimationFrame(n))}function be(e){var t=O,n=e.__c;typeof n=="function"&&(e.__c=void 0,n()),O=t}function Oe(e){var t=O;e.__c=e.__(),O=t}function Pt(e,t){return!e||e.length!==t.length||t.some(function(n,o){return n!==e[o]})}function Ht(e,t){return typeof t=="function"?t(e):t}function W(e){return e===null?"null":Array.isArray(e)?"array":typeof e}function re(e){return W(e)==="object"}function tn(e){return Array.isArray(e)&&e.length>0&&e.every(t=>"message"in t)}function dt(e,t){return e.length<124?e:t}const nn="graphql-transport-ws";var J=(e=>(e[e.InternalServerError=4500]="InternalServerError",e[e.InternalClientError=4005]="InternalClientError",e[e.BadRequest=4400]="BadRequest",e[e.BadResponse=4004]="BadResponse",e[e.Unauthorized=4401]="Unauthorized",e[e.Forbidden=4403]="Forbidden",e[e.SubprotocolNotAcceptable=4406]="SubprotocolNotAcceptable",e[e.ConnectionInitialisationTimeout=4408]="ConnectionInitialisationTimeout",e[e.ConnectionAcknowledgementTimeout=4504]="ConnectionAcknowledgementTimeout",e[e.SubscriberAlreadyExists=4409]="SubscriberAlreadyExists",e[e.TooManyInitialisationRequests=4429]="TooManyInitialisationRequests",e))(J||{}),X=(e=>(e.ConnectionInit="connection_init",e.ConnectionAck="connection_ack",e.Ping="ping",e.Pong="pong",e.Subscribe="subscribe",e.Next="next",e.Error="error",e.Complete="complete",e))(X||{});function Dt(e){if(!re(e))throw new Error(`Message is expected to be an object, but got ${W(e)}`);if(!e.type)throw new Error("Message is missing the 'type' property");if(typeof e.type!="string")throw new Error(`Message is expects the 'type' property to be a string, but got ${W(e.type)}`);switch(e.type){case"connection_init":case"connection_ack":case"ping":case"pong":{if(e.payload!=null&&!re(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an object or nullish or missing, but got "${e.payload}"`);break}case"subscribe":{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${W(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);if(!re(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an object, but got ${W(e.payload)}`);if(typeof e.payload.query!="string")throw new Error(`"${e.type}" message payload expects the 'query' property to be a string, but got ${W(e.payload.query)}`);if(e.payload.variables!=null&&!re(e.payload.variables))throw new Error(`"${e.type}" message payload expects the 'variables' property to be a an object or nullish or missing, but got ${W(e.payload.variables)}`);if(e.payload.operationName!=null&&W(e.payload.operationName)!=="string")throw new Error(`"${e.type}" message payload expects the 'operationName' property to be a string or nullish or missing, but got ${W(e.payload.operationName)}`);if(e.payload.extensions!=null&&!re(e.payload.extensions))throw new Error(`"${e.type}" message payload expects the 'extensions' property to be a an object or nullish or missing, but got ${W(e.payload.extensions)}`);break}case"next":{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${W(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);if(!re(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an object, but got ${W(e.payload)}`);break}case"error":{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${W(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);if(!tn(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an array of GraphQL errors, but got ${JSON.stringify(e.payload)}`);break}case"complete":{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${W(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);break}default:throw new Error(`Invalid message 'type' property "${e.type}"`)}return e}function rn(e,t){return Dt(typeof e=="string"?JSON.parse(e,t):e)}function ce(e,t){return Dt(e),JSON.stringify(e,t)}function on(e){const{url:t,connectionParams:n,lazy:o=!0,onNonLazyError:i=console.error,lazyCloseTimeout:l=0,keepAlive:d=0,disablePong:c,connectionAckWaitTimeout:h=0,retryAttempts:a=5,retryWait:u=async function(R){const S=Math.pow(2,R);await new Promise(T=>setTimeout(T,S*1e3+Math.floor(Math.random()*2700+300)))},shouldRetry:f=Ne,on:s,webSocketImpl:_,generateID:m=function(){return"xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx".replace(/[xy]/g,R=>{const S=Math.random()*16|0;return(R=="x"?S:S&3|8).toString(16)})},jsonMessageReplacer:v,jsonMessageReviver:y}=e;let p;if(_){if(!ln(_))throw new Error("Invalid WebSocket implementation provided");p=_}else typeof WebSocket<"u"?p=WebSocket:typeof global<"u"?p=global.WebSocket||global.MozWebSocket:typeof window<"u"&&(p=window.WebSocket||window.MozWebSocket);if(!p)throw new Error("WebSocket implementation missing; on Node you can `import WebSocket from 'ws';` and pass `webSocketImpl: WebSocket` to `createClient`");const w=p,k=(()=>{const E=(()=>{const S={};return{on(T,N){return S[T]=N,()=>{delete S[T]}},emit(T){"id"in T&&S[T.id]?.(T)}}})(),R={connecting:s?.connecting?[s.connecting]:[],opened:s?.opened?[s.opened]:[],connected:s?.connected?[s.connected]:[],ping:s?.ping?[s.ping]:[],pong:s?.pong?[s.pong]:[],message:s?.message?[E.emit,s.message]:[E.emit],closed:s?.closed?[s.closed]:[],error:s?.error?[s.error]:[]};return{onMessage:E.on,on(S,T){const N=R[S];return N.push(T),()=>{const g=N.indexOf(T);g>-1&&N.splice(g,1)}},emit(S,...T){for(const N of[...R[S]])N(...T)}}})();function H(E){const R=[k.on("error",S=>{R.forEach(T=>T()),E(S)}),k.on("closed",S=>{R.forEach(T=>T()),E(S)})];return()=>R.forEach(S=>S())}let D,L=0,Q,z=!1,F=0,G=!1;async function K(){clearTimeout(Q);const[E,R]=await(D??(D=new Promise((N,g)=>(async()=>{if(z){if(await u(F),!L)return D=void 0,g({code:1e3,reason:"All Subscriptions Gone"});F++}k.emit("connecting",z);const b=new w(typeof t=="function"?await t():t,nn);let $,C;function A(){isFinite(d)&&d>0&&(clearTimeout(C),C=setTimeout(()=>{b.readyState===w.OPEN&&(b.send(ce({type:X.Ping})),k.emit("ping",!1,void 0))},d))}H(I=>{D=void 0,clearTimeout($),clearTimeout(C),g(I),I instanceof ut&&(b.close(4499,"Terminated"),b.onerror=null,b.onclose=null)}),b.onerror=I=>k.emit("error",I),b.onclose=I=>k.emit("closed",I),b.onopen=async()=>{try{k.emit("opened",b);const I=typeof n=="function"?await n():n;if(b.readyState!==w.OPEN)return;b.send(ce(I?{type:X.ConnectionInit,payload:I}:{type:X.ConnectionInit},v)),isFinite(h)&&h>0&&($=setTimeout(()=>{b.close(J.ConnectionAcknowledgementTimeout,"Connection acknowledgement timeout")},h)),A()}catch(I){k.emit("error",I),b.close(J.InternalClientError,dt(I instanceof Error?I.message:String(I),"Internal client error"))}};let M=!1;b.onmessage=({data:I})=>{try{const U=rn(I,y);if(k.emit("message",U),U.type==="ping"||U.type==="pong"){k.emit(U.type,!0,U.payload),U.type==="pong"?A():c||(b.send(ce(U.payload?{type:X.Pong,payload:U.payload}:{type:X.Pong},v)),k.emit("pong",!1,U.payload));return}if(M)return;if(U.type!==X.ConnectionAck)throw new Error(`First message cannot be of type ${U.type}`);clearTimeout($),M=!0,k.emit("connected",b,U.payload,z),z=!1,F=0;const Qe=new Promise((Cr,qt)=>H(qt));Qe.catch(()=>{}),N([b,Qe])}catch(U){b.onmessage=null,k.emit("error",U),b.close(J.BadResponse,dt(U instanceof Error?U.message:String(U),"Bad response"))}}})())));E.readyState===w.CLOSING&&await R;let S=()=>{};const T=new Promise(N=>S=N);return[E,S,new Promise((N,g)=>{const b=H(g);E.readyState!==w.OPEN&&R.catch(g),T.then(()=>{if(b(),!L){const $=()=>E.close(1e3,"Normal Closure");isFinite(l)&&l>0?(clearTimeout(Q),Q=setTimeout(()=>{!L&&E.readyState===w.OPEN&&$()},l)):$()}N()})})]}function ne(E){if(Ne(E)&&(sn(E.code)||[J.InternalServerError,J.InternalClientError,J.BadRequest,J.BadResponse,J.Unauthorized,J.SubprotocolNotAcceptable,J.SubscriberAlreadyExists,J.TooManyInitialisationRequests].includes(E.code)))throw E;if(G)return!1;if(Ne(E)&&E.code===1e3)return L>0;if(!a||F>=a||!f(E))throw E;return z=!0}o||(async()=>{for(L++;;)try{const[,,E]=await K();await E}catch(E){try{if(!ne(E))return}catch(R){return i?.(R)}}})();function ae(E,R){const S=m(E);let T=!1,N=!1,g=()=>{L--,T=!0};return(async()=>{for(L++;;)try{const[b,$,C]=await K();if(T)return C.catch(()=>{}),$();const A=k.onMessage(S,M=>{switch(M.type){case X.Next:{R.next(M.payload);return}case X.Error:{N=!0,T=!0,R.error(M.payload),g();return}case X.Complete:{T=!0,g();return}}});b.send(ce({id:S,type:X.Subscribe,payload:E},v)),g=()=>{!T&&b.readyState===w.OPEN&&b.send(ce({id:S,type:X.Complete},v)),L--,T=!0,$()},await C.finally(A);return}catch(b){if(!ne(b))return}})().then(()=>{N||R.complete()}).catch(b=>{R.error(b)}),()=>{T||g()}}return{on:k.on,subscribe:ae,iterate(E){const R=[],S={done:!1,error:null,resolve:()=>{}},T=ae(E,{next(g){R.push(g),S.resolve()},error(g){S.done=!0,S.error=g,S.resolve()},complete(){S.done=!0,S.resolve()}}),N=(async function*(){for(;;){for(R.length||await new Promise(b=>S.resolve=b);R.length;)yield R.shift();if(S.error)throw S.error;if(S.done)return}})();return N.throw=async g=>(S.done||(S.done=!0,S.error=g,S.resolve()),{done:!0,value:void 0}),N.return=async()=>(T(),{done:!0,value:void 0}),N},async dispose(){if(G=!0,D){const[E]=await D;E.close(1e3,"Normal Closure")}},terminate(){D&&k.emit("closed",new ut)}}}class ut extends Error{name="TerminatedCloseEvent";message="4499: Terminated";code=4499;reason="Terminated";wasClean=!1}function Ne(e){return re(e)&&"code"in e&&"reason"in e}function sn(e){return[1e3,1001,1006,1005,1012,1013,1014].includes(e)?!1:e>=1e3&&e<=1999}function ln(e){return typeof e=="function"&&"constructor"in e&&"CLOSED"in e&&"CLOSING"in e&&"CONNECTING"in e&&"OPEN"in e}let te=null;async function an(){const e=await fetch("/api/session",{headers:{Accept:"application/json"}});if(!e.ok)return te=null,null;const t=await e.json();return te={user:t.user,admin:t.admin,csrfToken:t.csrf_token},te}async function cn(){const e={Accept:"application/json"};te&&(e["X-CSRF-Token"]=te.csrfToken),await fetch("/logout",{method:"POST",headers:e}),te=null}function _e(e=location.pathname+location.search){return"/login?next="+encodeURIComponent(e)}class ve extends Error{errors;constructor(t){super(t.map(n=>n.message).join("; ")||"request failed"),this.errors=t}has(t){return this.errors.some(n=>n.code===t)}}async function V(e,t,n){const o={"Content-Type":"application/json",Accept:"application/json"};te&&(o["X-CSRF-Token"]=te.csrfToken);const i={method:"POST",headers:o,body:JSON.stringify({query:e.toString(),variables:t}),credentials:"same-origin"},l=await fetch("/graphql",i);let d;try{d=await l.json()}catch{throw new ve([{message:`HTTP ${l.status}`,code:l.status===401?"UNAUTHENTICATED":null}])}if(d.errors?.length)throw new ve(d.errors.map(c=>({message:c.message,code:c.extensions?.code??null})));if(d.data==null)throw new ve([{message:`HTTP ${l.status}`,code:null}]);return d.data}let Me=null;function dn(){if(!Me){const e=location.protocol==="https:"?"wss:":"ws:";Me=on({url:`${e}//${location.host}/graphql`,lazy:!0,retryAttempts:1/0,shouldRetry:()=>!0,retryWait:async t=>{await new Promise(n=>setTimeout(n,Math.min(1e3*2**t,15e3)))}})}return Me}function Le(e,t,n,o){return dn().subscribe({query:e.toString(),variables:t},{next:i=>{i.data&&n(i.data)},error:i=>o?.(i),complete:()=>{}})}const Be=new Set;function Ot(){for(const e of Be)e()}window.addEventListener("popstate",Ot);function Ue(e,t=!1){e!==location.pathname+location.search&&(t?history.replaceState(null,"",e):history.pushState(null,"",e),Ot())}function un(){const[,e]=x(0);return q(()=>{const t=()=>e(n=>n+1);return Be.add(t),()=>{Be.delete(t)}},[]),{path:location.pathname,query:new URLSearchParams(location.search)}}const hn=["/graphql","/login","/logout","/api/"];function pn(e){e.addEventListener("click",t=>{if(t.defaultPrevented||t.button!==0||t.metaKey||t.ctrlKey||t.shiftKey||t.altKey)return;const o=t.target?.closest("a");if(!o||o.target||o.hasAttribute("download"))return;const i=new URL(o.href,location.href);i.origin===location.origin&&(hn.some(l=>i.pathname===l||i.pathname.startsWith(l))||(t.preventDefault(),Ue(i.pathname+i.search)))})}function Je(e){return"/projects/"+encodeURIComponent(e)}function ie(e){if(!e)return"—";const t=new Date(e);return Number.isNaN(t.getTime())?e:t.toISOString().slice(0,16).replace("T"," ")+" UTC"}function ht(e,t=Date.now()){if(!e)return"never";const n=Math.round((t-new Date(e).getTime())/1e3);return n<60?`${Math.max(n,0)} s ago`:n<3600?`${Math.round(n/60)} min ago`:n<86400?`${Math.round(n/3600)} h ago`:`${Math.round(n/86400)} d ago`}function Xe(e){if(e==null)return"";if(typeof e=="number"){if(Number.isInteger(e))return String(e);const t=Math.abs(e);return t!==0&&(t<.001||t>=1e6)?e.toExponential(3):String(Number(e.toPrecision(5)))}return typeof e=="string"?e:typeof e=="boolean"?e?"true":"false":JSON.stringify(e)}function qe(e){const t=Xe(e);return e>0?"+"+t:t}function mn(e){return e.split(":").slice(2).join(":")||e}class P extends String{__apiType;value;__meta__;constructor(t,n){super(t),this.value=t,this.__meta__=n}toString(){return this.value}}new P(`
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
    `,{fragmentName:"ViewFields"});const fn=new P(`
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
    `),_n=new P(`
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
    `),gn=new P(`
    subscription RunMetrics($projectId: ID!, $experimentId: ID!, $sinceStep: Int) {
  liveMetrics(
    projectId: $projectId
    experimentId: $experimentId
    sinceStep: $sinceStep
  ) {
    type
    step
    metrics
    experimentId
  }
}
    `),yn=new P(`
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
    `),wn=new P(`
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
    `),bn=new P(`
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
}`),vn=new P(`
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
    `),Sn=new P(`
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
}`),kn=new P(`
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
}`),$n=new P(`
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
}`),xn=new P(`
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
    `),In=new P(`
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
    `),En=new P(`
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
}`),Tn=new P(`
    mutation DeleteView($input: DeleteViewInput!) {
  deleteView(input: $input) {
    deletedId
    errors {
      code
      message
    }
  }
}
    `);new P(`
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
    `);const Cn=new P(`
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
}`),An=new P(`
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
}`),Rn=new P(`
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
    `),jn=new P(`
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
    `),Nn=new P(`
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
    `);function le(e){q(()=>{document.title=e?`${e} · gitstudio`:"gitstudio"},[e])}function Mn(){return le("Not found"),r("section",{children:[r("h1",{children:"Not found"}),r("p",{children:["No page here. ",r("a",{href:"/",children:"All projects"})]})]})}function Pn(e){return le(e.title),r("section",{children:[r("h1",{children:e.title}),r("p",{children:[e.what," is not built into the dashboard yet; the ",r("a",{href:"/graphql",children:"GraphQL API"})," has it."]})]})}function Hn(e){return r("div",{class:"notice",role:"alert","data-testid":"sign-in-needed",children:e.signedIn?r("p",{children:[e.what," does not exist or you may not read it."]}):r("p",{children:[e.what," is not public. ",r("a",{href:_e(),children:"Sign in"})," to see it."]})})}function Ae(e){const t=e.error instanceof Error?e.error.message:String(e.error);return r("div",{class:"notice error",role:"alert",children:r("p",{children:t})})}const Dn=15e3;function On(e){le("Projects");const[t,n]=x(null),[o,i]=x(0),[l,d]=x(null),[c,h]=x(null);return q(()=>{let a=!1;const u=async()=>{try{const s=[];let _=null,m=0,v=!1;for(let y=0;y<20;y++){const p=await V(wn,{after:_});if(s.push(...p.projects.nodes),m=p.projects.totalCount,v=p.projects.pageInfo.hasNextPage,_=p.projects.pageInfo.endCursor,!v)break}if(a)return;n(s),i(m),d(v?_:null),h(null)}catch(s){a||h(s)}};u();const f=setInterval(()=>{u()},Dn);return()=>{a=!0,clearInterval(f)}},[]),r("section",{"aria-labelledby":"projects-title",children:[r("h1",{id:"projects-title",children:"Projects"}),c?r(Ae,{error:c}):null,e.session?null:r("p",{class:"muted",children:["Signed out: only public projects are listed. ",r("a",{href:_e("/"),children:"Sign in"})," to see yours."]}),t===null?r("p",{class:"muted",children:"Loading projects…"}):t.length===0?r("p",{children:"No projects yet. Add one with the createProject mutation or `gitstudio project add`."}):r(Y,{children:[r("table",{class:"projects","data-testid":"projects",children:[r("caption",{class:"sr-only",children:[o," projects"]}),r("thead",{children:r("tr",{children:[r("th",{scope:"col",children:"Project"}),r("th",{scope:"col",children:"Last sync"}),r("th",{scope:"col",children:"State"}),r("th",{scope:"col",class:"num",children:"Commits"}),r("th",{scope:"col",class:"num",children:"Rows"}),r("th",{scope:"col",children:"Running live experiments"})]})}),r("tbody",{children:t.map(a=>r("tr",{"data-testid":"project","data-project":a.name,children:[r("th",{scope:"row",children:[r("a",{href:Je(a.name),children:a.name}),r("div",{class:"muted small",title:a.repoUrl,children:[a.visibility.toLowerCase()," · ",a.defaultBranch??"no default branch"]})]}),r("td",{title:ie(a.lastSyncedAt),children:ht(a.lastSyncedAt)}),r("td",{children:[r("span",{class:`badge sync-${a.syncState.toLowerCase()}`,children:a.syncState.toLowerCase()}),a.lastSyncError?r("div",{class:"sync-error","data-testid":"sync-error",children:a.lastSyncError}):null]}),r("td",{class:"num",children:a.commits.totalCount}),r("td",{class:"num","data-testid":"row-count",children:a.rows.totalCount}),r("td",{"data-testid":"running",children:a.running.totalCount===0?r("span",{class:"muted",children:"none"}):r("ul",{class:"running",children:[a.running.nodes.map(u=>r("li",{children:[r("span",{class:"live-dot","aria-hidden":"true"}),u.name??u.id," · step ",u.lastStep??0," · ",ht(u.lastEventAt)]},u.id)),a.running.totalCount>a.running.nodes.length?r("li",{class:"muted",children:["and ",a.running.totalCount-a.running.nodes.length," more"]}):null]})})]},a.id))})]}),l?r("p",{class:"muted",children:["Showing the first ",t.length," of ",o," projects."]}):null]})]})}const Ln=(function(){const t=typeof document<"u"&&document.createElement("link").relList;return t&&t.supports&&t.supports("modulepreload")?"modulepreload":"preload"})(),Bn=function(e){return"/"+e},pt={},mt=function(t,n,o){let i=Promise.resolve();if(n&&n.length>0){let a=function(u){return Promise.all(u.map(f=>Promise.resolve(f).then(s=>({status:"fulfilled",value:s}),s=>({status:"rejected",reason:s}))))};var d=a;document.getElementsByTagName("link");const c=document.querySelector("meta[property=csp-nonce]"),h=c?.nonce||c?.getAttribute("nonce");i=a(n.map(u=>{if(u=Bn(u),u in pt)return;pt[u]=!0;const f=u.endsWith(".css"),s=f?'[rel="stylesheet"]':"";if(document.querySelector(`link[href="${u}"]${s}`))return;const _=document.createElement("link");if(_.rel=f?"stylesheet":Ln,f||(_.as="script"),_.crossOrigin="",_.href=u,h&&_.setAttribute("nonce",h),document.head.appendChild(_),f)return new Promise((m,v)=>{_.addEventListener("load",m),_.addEventListener("error",()=>v(new Error(`Unable to preload CSS for ${u}`)))})}))}function l(c){const h=new Event("vite:preloadError",{cancelable:!0});if(h.payload=c,window.dispatchEvent(h),!h.defaultPrevented)throw c}return i.then(c=>{for(const h of c||[])h.status==="rejected"&&l(h.reason);return t().catch(l)})};async function Lt(e,t){const[{default:n},{expressionInterpreter:o}]=await Promise.all([mt(()=>import("./embed-ji_c-7H5.js"),__vite__mapDeps([0,1])),mt(()=>import("./vega-interpreter-BmnYaw1U.js").then(l=>l.v),[])]),i=await n(e,t,{ast:!0,expr:o,actions:!1,defaultStyle:!1,renderer:"canvas",tooltip:{disableDefaultStyle:!0}});return{finalize:()=>i.finalize(),insert:async(l,d)=>{await i.view.insert(l,d).runAsync()}}}function Un(e,t){return{$schema:"https://vega.github.io/schema/vega-lite/v6.json",title:e,width:360,height:200,data:{name:"points",values:t},mark:{type:"line",point:!0,tooltip:!0},encoding:{x:{field:"step",type:"quantitative",title:"step"},y:{field:"value",type:"quantitative",title:e,scale:{zero:!1}},color:{field:"rev",type:"nominal",title:"row"}}}}const qn=12,Fn=500;function Vn(e){const t=[...new Set(e.rows.flatMap(d=>d.metricNames))].sort().slice(0,qn),n=se(new Map),o=e.rows.map(d=>d.id).join(","),[i,l]=x(0);return q(()=>{if(i<t.length||t.length===0)return;const d=[];for(const c of e.rows.filter(h=>h.live)){let h=-1;for(const a of n.current.values())h=Math.max(h,a.lastStep(c.label));d.push(Le(gn,{projectId:e.projectId,experimentId:c.id,sinceStep:h>=0?h:null},a=>{const u=a.liveMetrics;if(!(u.type!=="DATA"||u.step===null||typeof u.metrics!="object"||!u.metrics))for(const[f,s]of Object.entries(u.metrics))typeof s=="number"&&n.current.get(f)?.append({rev:c.label,step:u.step,value:s})}))}return()=>{for(const c of d)c()}},[o,i,t.length,e.projectId]),t.length===0?null:r("div",{class:"plots","data-testid":"metric-charts",children:t.map(d=>r(Gn,{name:d,rows:e.rows.filter(c=>c.metricNames.includes(d)),register:c=>{n.current.set(d,c),l(h=>h+1)}},`${o}:${d}`))})}function Gn(e){const t=se(null),[n,o]=x(0),[i,l]=x(null);return q(()=>{const d=t.current;if(!d)return;const c={stopped:!1},h=()=>c.stopped;let a=null;const u=new Map;let f=0;return(async()=>{const m=(await Promise.all(e.rows.map(async v=>{const p=(await V(_n,{id:v.id,name:e.name,maxPoints:Fn})).node,w=p&&"metricHistory"in p?p.metricHistory:null,k=[];return w&&w.steps.forEach((H,D)=>{const L=w.values[D];typeof L=="number"&&k.push({rev:v.label,step:H,value:L})}),k}))).flat();for(const v of m)u.set(v.rev,Math.max(u.get(v.rev)??-1,v.step));if(!h()){if(a=await Lt(d,Un(e.name,m)),h()){a.finalize();return}f=m.length,o(f),e.register({lastStep:v=>u.get(v)??-1,append:v=>{(u.get(v.rev)??-1)>=v.step||(u.set(v.rev,v.step),f+=1,o(f),a?.insert("points",[v]))}})}})().catch(_=>l(_ instanceof Error?_.message:String(_))),()=>{c.stopped=!0,a?.finalize()}},[]),r("figure",{class:"plot","data-testid":"metric-chart","data-metric":e.name,"data-points":n,children:[r("figcaption",{children:e.name}),r("div",{ref:t,class:"chart"}),i?r("p",{class:"sync-error",children:i}):null]})}function Wn(e){const[t,n]=x(null),[o,i]=x(null),[l,d]=x(!0),c=e.ids.join(",");q(()=>{let u=!1;return n(null),V(fn,{projectId:e.projectId,ids:e.ids,baseline:e.baselineId}).then(f=>{const s=f.node;!u&&s&&"compare"in s&&n(s.compare)}).catch(f=>{u||i(f instanceof Error?f.message:String(f))}),()=>{u=!0}},[e.projectId,c,e.baselineId]);const h=new Set(t?.differing??[]),a=t?t.rows.filter(u=>!l||h.has(u.column)):[];return r("section",{class:"compare","aria-labelledby":"compare-title","data-testid":"compare-panel",children:[r("div",{class:"compare-head",children:[r("h2",{id:"compare-title",children:["Compare ",e.ids.length," rows"]}),r("label",{children:[r("input",{type:"checkbox",checked:l,onChange:u=>d(u.currentTarget.checked)})," only columns that differ"]}),r("button",{type:"button",onClick:e.onClose,children:"Close compare"})]}),o?r("p",{class:"sync-error",children:o}):null,!t&&!o?r("p",{class:"muted",children:"Loading…"}):null,t?r(Y,{children:[r("div",{class:"compare-table-wrap",children:r("table",{class:"compare-table",children:[r("thead",{children:r("tr",{children:[r("th",{scope:"col",children:"Column"}),t.experiments.map(u=>r("th",{scope:"col",children:u.name??u.sha?.slice(0,7)??u.id},u.id))]})}),r("tbody",{children:a.map(u=>r("tr",{children:[r("th",{scope:"row",title:u.column,children:u.column}),u.values.map((f,s)=>{const _=u.deltas[s],m=u.better[s];return r("td",{class:`num ${m===!0?"better":m===!1?"worse":""}`,children:[Xe(f),_!=null&&_!==0?r("span",{class:"delta",children:[" (",qe(_),")"]}):null]},s)})]},u.column))})]})}),r(Vn,{projectId:e.projectId,rows:t.experiments.map(u=>({id:u.id,label:u.name??u.sha?.slice(0,7)??u.id,live:u.kind==="LIVE"&&(u.status==="RUNNING"||u.status==="QUEUED"),metricNames:u.metricNames}))}),r("div",{class:"plots","data-testid":"plots",children:[t.plots.map(u=>r(zn,{plot:u},u.id)),t.plots.length===0?r("p",{class:"muted",children:"These rows have no plots."}):null]}),t.plotErrors.length?r("ul",{class:"plot-errors",children:t.plotErrors.map((u,f)=>r("li",{class:"sync-error",children:[u.revision,": ",u.plot??"all plots",": ",u.message]},f))}):null]}):null]})}function zn(e){const{plot:t}=e;return t.kind==="IMAGE"?r("figure",{class:"plot","data-testid":"plot","data-plot":t.id,children:[r("figcaption",{children:t.id}),r("div",{class:"images",children:t.images.map(n=>r("img",{src:n.url,alt:`${t.id} of ${n.revision}${n.step!==null?` at step ${n.step}`:""}`,loading:"lazy"},n.url))})]}):r("figure",{class:"plot","data-testid":"plot","data-plot":t.id,children:[r("figcaption",{children:t.id}),r(Jn,{spec:t.spec})]})}function Jn(e){const t=se(null),[n,o]=x("loading");return q(()=>{const i=t.current;if(!i||e.spec==null)return;let l=null,d=!1;return Lt(i,e.spec).then(c=>{d?c.finalize():(l=c,o("ready"))}).catch(c=>o(c instanceof Error?c.message:String(c))),()=>{d=!0,l?.finalize()}},[e.spec]),r("div",{class:"chart-wrap","data-state":n==="loading"||n==="ready"?n:"error",children:[r("div",{ref:t,class:"chart","data-testid":"chart"}),n!=="loading"&&n!=="ready"?r("p",{class:"sync-error",children:n}):null]})}const Xn=[{op:"EQ",label:"="},{op:"NE",label:"≠"},{op:"GT",label:">"},{op:"GTE",label:"≥"},{op:"LT",label:"<"},{op:"LTE",label:"≤"},{op:"CONTAINS",label:"contains"},{op:"EXISTS",label:"exists"}],Qn=[{field:"BRANCH",label:"Branch"},{field:"AUTHOR",label:"Author"},{field:"MESSAGE",label:"Message"},{field:"COMMITTED_AT",label:"Created"}],Kn={branch:"",onBranch:"",tag:"",detached:"",author:"",message:""};function Bt(e){const t=e.filter(o=>o.kind==="METRIC").map(o=>o.id),n=e.filter(o=>o.kind==="PARAM").map(o=>o.id);return t.length+n.length<=40?[...t,...n]:[...t.slice(0,20),...n.slice(0,20)]}function ft(e){return{columns:Bt(e.columns),sort:null,git:{...Kn},conditions:[],showHidden:!1,groupByBranch:!0,baselineId:null,baseline:null,deltas:!1,viewGoals:{},view:null}}function pe(e){const t={},n=e.git;n.branch&&(t.branch=n.branch),n.onBranch&&(t.onBranch=n.onBranch),n.tag&&(t.tag=n.tag),n.detached&&(t.detached=n.detached==="only"),n.author.trim()&&(t.author=n.author.trim()),n.message.trim()&&(t.message=n.message.trim());const o=e.conditions.filter(i=>i.column);return o.length&&(t.columns=o),e.showHidden&&(t.includeHidden=!0),t}function Se(e){return e?e.key.startsWith("field:")?[{field:e.key.slice(6),direction:e.direction}]:[{column:e.key,direction:e.direction}]:null}function _t(e){return(e.sort===null||e.sort.key==="field:COMMITTED_AT")&&e.conditions.length===0&&!e.git.author.trim()&&!e.git.message.trim()}function de(e){return typeof e=="string"?e:""}function gt(e,t,n,o=[]){const i=new Set(t.columns.map(s=>s.id)),l=e.filter??{},c=(Array.isArray(e.order)?e.order:[])[0];let h=null;if(c){const s=c.direction==="ASC"?"ASC":"DESC";typeof c.column=="string"&&c.column?h={key:c.column,direction:s}:typeof c.field=="string"&&c.field&&(h={key:"field:"+c.field,direction:s})}const a=l.detached===!0?"only":l.detached===!1?"none":"",u={};for(const s of o)s.goal&&(u[s.column]=s.goal);const f=e.columns.filter(s=>i.has(s));return{...n,columns:f.length?f:Bt(t.columns),sort:h,git:{branch:de(l.branch),onBranch:de(l.onBranch),tag:de(l.tag),detached:a,author:de(l.author),message:de(l.message)},conditions:Array.isArray(l.columns)?l.columns:[],showHidden:e.includeHidden,baselineId:e.baseline?.id??null,baseline:null,deltas:n.deltas&&e.baseline!==null,viewGoals:u,view:e.name}}function Yn(e,t){const n=new Map;for(const o of e.columnGoals)o.goal&&n.set(o.column,o.goal);for(const[o,i]of Object.entries(t.viewGoals))n.set(o,i);return n}function Zn(e){const t=e.trim();if(t==="")return null;try{return JSON.parse(t)}catch{return t}}function er(e,t){const n=new URLSearchParams;n.set("filter",JSON.stringify(pe(t)));const o=Se(t.sort);o&&n.set("orderBy",JSON.stringify(o));for(const i of t.columns)n.append("columns",i);return`/api/projects/${e}/experiments.csv?${n.toString()}`}function tr(e){const{project:t,state:n,update:o}=e,i=a=>o({git:{...n.git,...a}}),l=t.branches.filter(a=>n.showHidden||!a.hidden),d=n.conditions,c=(a,u)=>o({conditions:d.map((f,s)=>s===a?{...f,...u}:f)}),h=d.length+Object.values(n.git).filter(a=>a!=="").length;return r("details",{class:"panel","data-testid":"filters",children:[r("summary",{children:["Filters",h?` (${h})`:""]}),r("div",{class:"panel-body",children:[r("fieldset",{children:[r("legend",{children:"Git"}),r("label",{children:["Branch",r("select",{value:n.git.branch,onChange:a=>i({branch:a.currentTarget.value}),"data-testid":"filter-branch",children:[r("option",{value:"",children:"any"}),l.map(a=>r("option",{value:a.name,children:a.name},a.name))]})]}),r("label",{children:["Commits on branch",r("select",{value:n.git.onBranch,onChange:a=>i({onBranch:a.currentTarget.value}),children:[r("option",{value:"",children:"any"}),l.map(a=>r("option",{value:a.name,children:a.name},a.name))]})]}),r("label",{children:["Tag",r("select",{value:n.git.tag,onChange:a=>i({tag:a.currentTarget.value}),children:[r("option",{value:"",children:"any"}),t.tags.map(a=>r("option",{value:a.name,children:a.name},a.name))]})]}),r("label",{children:["Detached",r("select",{value:n.git.detached,onChange:a=>i({detached:a.currentTarget.value}),children:[r("option",{value:"",children:"shown"}),r("option",{value:"only",children:"only"}),r("option",{value:"none",children:"left out"})]})]}),r("label",{children:["Author",r("input",{type:"search",value:n.git.author,onChange:a=>i({author:a.currentTarget.value})})]}),r("label",{children:["Message",r("input",{type:"search",value:n.git.message,onChange:a=>i({message:a.currentTarget.value})})]})]}),r("fieldset",{children:[r("legend",{children:"Values"}),d.map((a,u)=>r("div",{class:"condition","data-testid":"condition",children:[r("label",{children:[r("span",{class:"sr-only",children:["Column of condition ",u+1]}),r("select",{value:a.column,onChange:f=>c(u,{column:f.currentTarget.value}),children:t.columns.map(f=>r("option",{value:f.id,children:f.id},f.id))})]}),r("label",{children:[r("span",{class:"sr-only",children:["Operator of condition ",u+1]}),r("select",{value:a.op,onChange:f=>c(u,{op:f.currentTarget.value}),children:Xn.map(f=>r("option",{value:f.op,children:f.label},f.op))})]}),a.op!=="EXISTS"?r("label",{children:[r("span",{class:"sr-only",children:["Value of condition ",u+1]}),r("input",{type:"text",value:a.value===null||a.value===void 0?"":typeof a.value=="string"?a.value:JSON.stringify(a.value),onChange:f=>c(u,{value:Zn(f.currentTarget.value)})})]}):null,r("button",{type:"button","aria-label":`Remove condition ${u+1}`,onClick:()=>o({conditions:d.filter((f,s)=>s!==u)}),children:"✕"})]},u)),r("button",{type:"button",disabled:t.columns.length===0,onClick:()=>{const a=t.columns.find(u=>u.kind==="METRIC")??t.columns[0];a&&o({conditions:[...d,{column:a.id,op:"GT",value:null}]})},children:"Add condition"})]}),h?r("button",{type:"button",onClick:()=>o({conditions:[],git:{branch:"",onBranch:"",tag:"",detached:"",author:"",message:""}}),children:"Clear filters"}):null]})]})}function nr(e){const{project:t,state:n,update:o}=e,[i,l]=x(""),d=new Set(n.columns),c=new Map(t.columnGoals.map(m=>[m.column,m.goal])),h=(m,v)=>{const y=[...n.columns],p=y.indexOf(m),w=p+v;p<0||w<0||w>=y.length||([y[p],y[w]]=[y[w],y[p]],o({columns:y}))},a=(m,v)=>o({columns:v?[...n.columns,m]:n.columns.filter(y=>y!==m)}),u=(m,v)=>{const y={};for(const[p,w]of Object.entries(n.viewGoals))p!==m&&(y[p]=w);(v==="HIGHER"||v==="LOWER")&&(y[m]=v),o({viewGoals:y})},f=i.trim().toLowerCase(),s=new Map(t.columns.map(m=>[m.id,m])),_=[...n.columns.map(m=>s.get(m)).filter(m=>m!==void 0),...t.columns.filter(m=>!d.has(m.id))].filter(m=>!f||m.id.toLowerCase().includes(f));return r("details",{class:"panel","data-testid":"columns-chooser",children:[r("summary",{children:["Columns (",n.columns.length,"/",t.columns.length,")"]}),r("div",{class:"panel-body columns-body",children:[r("div",{class:"row-controls",children:[r("label",{children:["Find",r("input",{type:"search",value:i,onInput:m=>l(m.currentTarget.value)})]}),r("button",{type:"button",onClick:()=>o({columns:t.columns.map(m=>m.id)}),children:"Show all"}),r("button",{type:"button",onClick:()=>o({columns:[]}),children:"Hide all"})]}),r("ul",{class:"columns-list",children:_.map(m=>{const v=d.has(m.id),y=n.viewGoals[m.id]??"";return r("li",{"data-testid":"column-option","data-column":m.id,children:[r("label",{class:"grow",children:[r("input",{type:"checkbox",checked:v,onChange:p=>a(m.id,p.currentTarget.checked)}),r("span",{class:`kind kind-${m.kind.toLowerCase()}`,children:m.kind==="METRIC"?"M":"P"})," ",m.id]}),r("label",{children:[r("span",{class:"sr-only",children:["Goal of ",m.id]}),r("select",{value:y,onChange:p=>u(m.id,p.currentTarget.value),children:[r("option",{value:"",children:c.get(m.id)?`project: ${(c.get(m.id)??"").toLowerCase()}`:"no goal"}),r("option",{value:"HIGHER",children:"higher is better"}),r("option",{value:"LOWER",children:"lower is better"})]})]}),r("button",{type:"button",disabled:!v,"aria-label":`Move ${m.id} left`,onClick:()=>h(m.id,-1),children:"↑"}),r("button",{type:"button",disabled:!v,"aria-label":`Move ${m.id} right`,onClick:()=>h(m.id,1),children:"↓"})]},m.id)})})]})]})}function rr(e){const[t,n]=x(""),[o,i]=x(!1),[l,d]=x(null),c=e.views.find(h=>h.name===e.current)??null;return r("div",{class:"views","data-testid":"views",children:[r("label",{children:["View",r("select",{value:e.current??"","data-testid":"view-select",onChange:h=>e.pick(h.currentTarget.value||null),children:[r("option",{value:"",children:"(none)"}),e.views.map(h=>r("option",{value:h.name,children:[h.name,h.shared?" (shared)":""]},h.id))]})]}),c?r("button",{type:"button",onClick:()=>{e.remove(c).then(d)},children:"Delete view"}):null,e.signedIn?r("form",{class:"save-view",onSubmit:h=>{h.preventDefault();const a=t.trim()||e.current||"";if(!a){d("Name the view");return}e.save(a,o).then(u=>{d(u??`Saved “${a}”`),u||n("")})},children:[r("label",{children:["Save as",r("input",{type:"text",value:t,placeholder:e.current??"view name",onInput:h=>n(h.currentTarget.value),"data-testid":"view-name"})]}),r("label",{children:[r("input",{type:"checkbox",checked:o,onChange:h=>i(h.currentTarget.checked)})," shared"]}),r("button",{type:"submit",children:"Save view"})]}):null,l?r("span",{class:"muted",role:"status",children:l}):null]})}const or=9e4,ir=500,sr=20;function lr(e,t,n){const o=4+e,i=o+2+(t?1+sr*o:0),l=Math.floor(or/i);return Math.max(5,Math.min(n?100:ir,l))}function ar(e,t){const{commit:n,...o}=e,i={...o,committedAt:n?.committedAt,branches:n?.branches};return t&&e.kind==="COMMIT"&&(i.children=n?.experiments?[...n.experiments]:[]),i}class cr{query;segments;onChange;stopped=!1;itemsCache=null;collapsedBranches;collapsedRows;includeHidden;constructor(t,n,o,i={branches:new Set,rows:new Set}){this.collapsedBranches=i.branches,this.collapsedRows=i.rows,this.query=t,this.segments=n,this.onChange=o,this.includeHidden=!!t.filter.includeHidden}stop(){this.stopped=!0}isStopped(){return this.stopped}changed(){this.itemsCache=null,this.stopped||this.onChange()}async load(t){if(!(t.loading||!t.hasNext&&t.total!==null||this.stopped)){t.loading=!0;try{const n={projectId:this.query.projectId,filter:t.filter,orderBy:this.query.orderBy,first:lr(this.query.columns.length,this.query.nested,t.total===null),after:t.cursor,columns:this.query.columns},o=this.query.nested?await V($n,n):await V(kn,n);if(this.isStopped())return;const i=o.node;if(!i||!("experiments"in i))throw new Error("the project is gone");const l=i.experiments,d=new Set(t.rows.map(c=>c.id));for(const c of l.nodes)d.has(c.id)||t.rows.push(ar(c,this.query.nested));t.total=Math.max(l.totalCount,t.rows.length),t.cursor=l.pageInfo.endCursor,t.hasNext=l.pageInfo.hasNextPage,t.hasNext||(t.total=t.rows.length),t.error=null}catch(n){t.error=n instanceof Error?n.message:String(n),t.hasNext=!1,t.total=t.rows.length}finally{t.loading=!1,this.changed()}}}items(){if(this.itemsCache)return this.itemsCache;const t=[];for(const n of this.segments){if(n.label!==null&&(t.push({t:"branch",key:"b:"+n.key,seg:n}),this.collapsedBranches.has(n.key)))continue;for(const i of n.rows)if(!(!this.includeHidden&&i.hidden)&&(t.push({t:"row",key:n.key+":"+i.id,row:i,seg:n,depth:0}),i.children&&!this.collapsedRows.has(i.id)))for(const l of i.children)!this.includeHidden&&l.hidden||t.push({t:"child",key:n.key+":"+i.id+":"+l.id,row:l,parent:i,depth:1});const o=n.total===null?1:n.error?0:n.total-n.rows.length;for(let i=0;i<o;i++)t.push({t:"more",key:`m:${n.key}:${i}`,seg:n})}return this.itemsCache=t,t}*places(t){for(const n of this.segments)for(let o=0;o<n.rows.length;o++){const i=n.rows[o];if(i&&(i.id===t&&(yield{list:n.rows,index:o}),i.children)){const l=i.children.findIndex(d=>d.id===t);l>=0&&(yield{list:i.children,index:l})}}}upsert(t,n){let o=!1;for(const{list:i,index:l}of this.places(t.id)){const d=i[l];d&&(i[l]={...d,...t}),o=!0}return!o&&n&&(o=this.place(t)),o&&this.changed(),o}place(t){if(this.query.nested&&t.kind!=="COMMIT"){let o=!1;for(const l of this.segments)for(const d of l.rows)d.kind==="COMMIT"&&d.sha&&d.sha===t.baselineSha&&d.children&&(d.children.unshift({...t}),o=!0);if(o)return!0;const i=this.segments.find(l=>l.key==="detached");return t.detached&&i?(i.rows.unshift({...t}),i.total=(i.total??0)+1,!0):!1}const n=this.segments[0];return!n||this.query.nested?!1:(n.rows.unshift({...t}),n.total!==null&&(n.total+=1),!0)}patch(t,n){let o=!1;for(const{list:i,index:l}of this.places(t)){const d=i[l];d&&(i[l]={...d,...n}),o=!0}o&&this.changed()}remove(t){let n=!1;for(const o of this.segments){const i=o.rows.length;o.rows=o.rows.filter(l=>l.id!==t),o.rows.length!==i&&(n=!0,o.total!==null&&(o.total-=i-o.rows.length));for(const l of o.rows)l.children?.some(d=>d.id===t)&&(l.children=l.children.filter(d=>d.id!==t),n=!0)}n&&this.changed()}find(t){for(const{list:n,index:o}of this.places(t))return n[o]??null;return null}}const ke=32,yt=12,dr=60,wt=2500;function ur(e,t,n){const o=pe(t),i=(h,a,u,f)=>({key:h,label:a,branch:u,filter:f,rows:[],total:null,cursor:null,hasNext:!0,loading:!1,error:null});if(!n)return[i("all",null,null,o)];const l={...o,kinds:["COMMIT"]};if(o.detached===!0)return[i("detached","Detached runs",null,o)];if(o.branch)return[i("branch:"+o.branch,o.branch,o.branch,l)];if(o.onBranch)return[i("on:"+o.onBranch,`commits on ${o.onBranch}`,null,l)];if(o.tag)return[i("tag:"+o.tag,`tag ${o.tag}`,null,l)];const c=e.branches.filter(h=>!h.folded&&(t.showHidden||!h.hidden)).sort((h,a)=>h.name===e.defaultBranch?-1:a.name===e.defaultBranch?1:h.name<a.name?-1:1).map(h=>i("branch:"+h.name,h.name,h.name,{...l,branch:h.name}));return o.detached!==!1&&c.push(i("detached","Detached runs",null,{...o,detached:!0})),c}function hr(e){return e.kind==="COMMIT"?e.sha?.slice(0,7)??String(e.databaseId):e.name??(e.kind==="LIVE"?`live run ${e.databaseId}`:e.sha?.slice(0,7)??String(e.databaseId))}const bt=new WeakMap;function vt(e){let t=bt.get(e);return t||(t=new Map(e.values.map(n=>[n.column,n.value])),bt.set(e,t)),t}async function St(e,t){try{const o=(await V(vn,{projectId:e,name:t})).node;return o&&"view"in o?o.view?.goals??[]:[]}catch{return[]}}function pr(e){return typeof e=="object"&&e!==null&&"databaseId"in e&&"values"in e}function mr(e){return(e??"").split(`
`,1)[0]??""}const fr=[36,250,124,120,120,240,140],_r=116,gr=84;function yr(e){const t=[...fr,...e.map(()=>_r),gr];return{grid:t.map(n=>`${n}px`).join(" "),width:t.reduce((n,o)=>n+o,0)}}function wr(e){le(e.name);const[t,n]=x(null),[o,i]=x(!1),[l,d]=x(null),[c,h]=x(null),[a,u]=x(null),[,f]=x(0),[s,_]=x(new Set),[m,v]=x(null),[y,p]=x(null),w=se(new Map),k=se({branches:new Set,rows:new Set}),H=at(async()=>{try{const g=await V(bn,{name:e.name,includeHidden:!0});return g.project?(n(g.project),g.project):(i(!0),null)}catch(g){return g instanceof ve&&(g.has("UNAUTHENTICATED")||g.has("FORBIDDEN")||g.has("NOT_FOUND"))?i(!0):d(g),null}},[e.name]);q(()=>{H().then(g=>{if(!g)return;const b=ft(g),$=new URLSearchParams(location.search).get("view"),C=$?g.views.find(A=>A.name===$):void 0;if(!C){h(b);return}St(g.id,C.name).then(A=>h(gt(C,g,b,A)))})},[H]);const D=c?c.groupByBranch&&_t(c):!1,L=c&&t?JSON.stringify([t.id,pe(c),Se(c.sort),c.columns,D,t.branches]):null;q(()=>{if(!t||!c||L===null)return;const g=new cr({projectId:t.id,filter:pe(c),orderBy:Se(c.sort),columns:c.columns,nested:D},ur(t,c,D),()=>f(b=>b+1),k.current);return u(g),()=>g.stop()},[L]),q(()=>{a&&(a.includeHidden=!!c?.showHidden),a?.changed()},[a,c?.showHidden]),q(()=>{if(!a||!t)return;const g={projectId:t.id,columns:a.query.columns},b=Object.keys(a.query.filter).every(M=>M==="includeHidden"),$=M=>{w.current.set(M,Date.now()+wt),setTimeout(()=>{const I=w.current.get(M);I!==void 0&&I<=Date.now()&&(w.current.delete(M),a.changed())},wt+50)},C=Le(Cn,g,M=>{const I=M.experimentEvents;if(I.change==="REMOVED"||!I.experiment){a.remove(I.experimentId);return}a.upsert(I.experiment,b||I.experiment.kind==="LIVE")&&$(I.experimentId)}),A=Le(An,g,M=>{const I=M.liveMetrics;a.upsert(I.experiment,!0)&&$(I.experimentId)});return()=>{C(),A()}},[a,t]);const Q=c?.baselineId??null,z=c?JSON.stringify(c.columns):"";q(()=>{if(!Q||!c)return;let g=!1;return V(Sn,{id:Q,columns:c.columns}).then(b=>{const $=b.node;if(g||!pr($))return;const C=$;h(A=>A&&A.baselineId===Q?{...A,baseline:C}:A)}).catch(b=>v(b instanceof Error?b.message:String(b))),()=>{g=!0}},[Q,z]);const F=at(g=>{h(b=>b&&{...b,...g,view:"view"in g?g.view??null:b.view})},[]),G=c?.viewGoals,K=Ce(()=>t&&c?Yn(t,c):new Map,[t,G]);if(o)return r(Hn,{what:`Project “${e.name}”`,signedIn:e.session!==null});if(l)return r(Ae,{error:l});if(!t||!c||!a)return r("p",{class:"muted",children:["Loading ",e.name,"…"]});const ne=e.session!==null,ae=async g=>{const b=t.views.find(A=>A.name===g),$=new URLSearchParams(location.search);if(b){const A=await St(t.id,b.name);h(gt(b,t,c,A)),$.set("view",b.name)}else h({...ft(t),view:null}),$.delete("view");const C=$.toString();Ue(location.pathname+(C?"?"+C:""),!0)},E=async(g,b)=>{try{const $=await V(En,{input:{projectId:t.id,name:g,shared:b,columns:c.columns,filter:pe(c),order:Se(c.sort),baseline:c.baselineId,goals:Object.entries(c.viewGoals).map(([M,I])=>({column:M,goal:I})),includeHidden:c.showHidden}}),C=$.saveView.errors[0];if(C)return`${C.code}: ${C.message}`;const A=$.saveView.view;if(A){const M=[...t.views.filter(U=>U.id!==A.id),A];n({...t,views:M}),h({...c,view:A.name});const I=new URLSearchParams(location.search);I.set("view",A.name),Ue(location.pathname+"?"+I.toString(),!0)}return null}catch($){return $ instanceof Error?$.message:String($)}},R=async g=>{try{const $=(await V(Tn,{input:{id:g.id}})).deleteView.errors[0];return $?`${$.code}: ${$.message}`:(n({...t,views:t.views.filter(C=>C.id!==g.id)}),await ae(null),`Deleted “${g.name}”`)}catch(b){return b instanceof Error?b.message:String(b)}},S=async(g,b,$)=>{try{const C={input:{projectId:t.id,ids:g,branches:b},columns:a.query.columns},A=$?(await V(In,C)).unhideRows:(await V(xn,C)).hideRows,M=A.errors[0];if(M){v(`${M.code}: ${M.message}`);return}for(const I of A.experiments)a.patch(I.id,{hidden:I.hidden,autoHidden:I.autoHidden});b.length&&await H(),_(new Set),v(`${$?"Shown":"Hidden"}: ${g.length+b.length}`)}catch(C){v(C instanceof Error?C.message:String(C))}},T=[...s].map(g=>a.find(g)).filter(g=>g!==null),N=_t(c);return r("section",{class:"table-page","aria-labelledby":"table-title",children:[r("div",{class:"title-bar",children:[r("h1",{id:"table-title",children:t.name}),r("span",{class:"muted small",children:[t.visibility.toLowerCase()," · synced ",ie(t.lastSyncedAt)," ·"," ",r("span",{class:`badge sync-${t.syncState.toLowerCase()}`,children:t.syncState.toLowerCase()})]}),t.lastSyncError?r("span",{class:"sync-error",children:t.lastSyncError}):null,r("a",{class:"csv",href:er(t.databaseId,c),"data-testid":"csv-link",download:!0,children:"Export CSV"})]}),r("div",{class:"toolbar",role:"toolbar","aria-label":"Table",children:[r(rr,{views:t.views,current:c.view,signedIn:ne,pick:g=>{ae(g)},save:E,remove:R}),r(tr,{project:t,state:c,update:F}),r(nr,{project:t,state:c,update:F}),r("label",{title:N?"":"A sort by a value or a value filter lists rows flat",children:[r("input",{type:"checkbox",checked:c.groupByBranch&&N,disabled:!N,onChange:g=>F({groupByBranch:g.currentTarget.checked}),"data-testid":"group-toggle"})," ","Group by branch"]}),r("label",{children:[r("input",{type:"checkbox",checked:c.showHidden,onChange:g=>F({showHidden:g.currentTarget.checked}),"data-testid":"show-hidden"})," ","Show hidden"]}),r("label",{children:[r("input",{type:"checkbox",checked:c.deltas,disabled:!c.baseline,onChange:g=>F({deltas:g.currentTarget.checked}),"data-testid":"delta-mode"})," ","Deltas"]})]}),r("div",{class:"selection-bar","aria-live":"polite",children:[r("span",{children:s.size?`${s.size} selected`:"Select rows to hide them or to use one as the baseline."}),s.size?r(Y,{children:[r("button",{type:"button",disabled:!ne,onClick:()=>{S([...s],[],!1)},children:"Hide selected"}),r("button",{type:"button",disabled:!ne,onClick:()=>{S([...s],[],!0)},children:"Unhide selected"}),r("button",{type:"button",disabled:T.length!==1,onClick:()=>F({baseline:T[0]??null,baselineId:T[0]?.id??null}),"data-testid":"set-baseline",children:"Use as baseline"}),r("button",{type:"button",disabled:s.size>100,onClick:()=>p([...s]),"data-testid":"compare",children:"Compare"}),r("button",{type:"button",onClick:()=>_(new Set),children:"Clear selection"})]}):null,c.baseline?r("button",{type:"button",onClick:()=>F({baseline:null,baselineId:null,deltas:!1}),children:"Clear baseline"}):null,m?r("span",{class:"muted",role:"status",children:m}):null]}),y?r(Wn,{projectId:t.id,ids:y,baselineId:c.baselineId,onClose:()=>p(null)}):null,r(br,{project:t,model:a,state:c,goals:K,selected:s,flash:w.current,signedIn:ne,onSelect:(g,b)=>{const $=new Set(s);b?$.add(g):$.delete(g),_($)},onSort:g=>{const b=c.sort,$=b?.key!==g?{key:g,direction:"DESC"}:b.direction==="DESC"?{key:g,direction:"ASC"}:null;F({sort:$})},onHide:(g,b)=>{S([g.id],[],b)},onHideBranch:(g,b)=>{S([],[g],b)}})]})}function br(e){const{model:t,state:n}=e,o=se(null),[i,l]=x(0),[d,c]=x(600),h=t.items(),{grid:a,width:u}=Ce(()=>yr(n.columns),[n.columns]);q(()=>{const p=o.current;if(!p)return;const w=new ResizeObserver(()=>c(p.clientHeight));return w.observe(p),c(p.clientHeight),()=>w.disconnect()},[]),q(()=>{o.current&&(o.current.scrollTop=0),l(0)},[t]);const f=Math.max(0,Math.floor(i/ke)-yt),s=Math.min(h.length,Math.ceil((i+d)/ke)+yt);q(()=>{const p=new Set,w=Math.min(h.length,s+dr);for(let k=f;k<w;k++){const H=h[k];H?.t==="more"&&!H.seg.loading&&p.add(H.seg)}for(const k of p)t.load(k)});const _=n.baseline?2:1,m=[];for(let p=f;p<s;p++){const w=h[p];w&&m.push(r(vr,{item:w,index:p,rowIndex:p+_+1,...e},w.key))}const v=p=>n.sort?.key===p?n.sort.direction==="ASC"?"ascending":"descending":"none",y=(p,w,k,H="")=>r("div",{role:"columnheader",class:`th ${H}`,"aria-sort":v(p),"data-testid":"column-header","data-column":p,children:r("button",{type:"button",class:"sort",title:k,onClick:()=>e.onSort(p),children:[r("span",{children:w}),r("span",{class:"arrow","aria-hidden":"true",children:v(p)==="ascending"?"▲":v(p)==="descending"?"▼":""})]})});return r("div",{class:"table-scroll",ref:o,role:"table","aria-label":`Experiments of ${e.project.name}`,"aria-rowcount":h.length+_,"data-testid":"experiments-table","data-nested":t.query.nested?"true":"false",onScroll:p=>l(p.currentTarget.scrollTop),style:{"--grid":a,"--table-w":`${u}px`},children:[r("div",{role:"rowgroup",class:"thead",children:[r("div",{role:"row",class:"tr head","aria-rowindex":1,children:[r("div",{role:"columnheader",class:"th sticky0",children:r("span",{class:"sr-only",children:"Select"})}),r("div",{role:"columnheader",class:"th sticky1",children:"Experiment"}),r("div",{role:"columnheader",class:"th",children:"Status"}),Qn.map(p=>y("field:"+p.field,p.label,`Sort by ${p.label.toLowerCase()}`)),n.columns.map(p=>{const w=e.goals.get(p);return y(p,mn(p),`${p}${w?` (${w.toLowerCase()} is better)`:""}`,p.startsWith("metric:")?"metric num":"param num")}),r("div",{role:"columnheader",class:"th",children:r("span",{class:"sr-only",children:"Actions"})})]}),n.baseline?r(Ut,{row:n.baseline,depth:0,rowIndex:2,baseline:!0,...e,index:-1}):null]}),r("div",{role:"rowgroup",class:"tbody",style:{height:`${h.length*ke}px`},children:m}),h.length===0?r("p",{class:"empty muted",children:"No rows match."}):null]})}function vr(e){const{item:t}=e,n={transform:`translateY(${e.index*ke}px)`};if(t.t==="branch"){const o=t.seg,i=e.model.collapsedBranches.has(o.key),l=o.total===null?"…":String(o.total),d=e.project.branches.some(c=>c.name===o.branch&&c.hidden);return r("div",{role:"row",class:"tr branch",style:n,"aria-rowindex":e.rowIndex,"data-testid":"branch-row","data-branch":o.branch??o.key,children:r("div",{role:"cell",class:"td span",children:[r("button",{type:"button",class:"twisty","aria-expanded":!i,"aria-label":`${i?"Expand":"Collapse"} ${o.label??""}`,onClick:()=>{i?e.model.collapsedBranches.delete(o.key):e.model.collapsedBranches.add(o.key),e.model.changed()},children:i?"▸":"▾"}),r("strong",{children:o.label}),r("span",{class:"muted small",children:[l," ",o.key==="detached"?"rows":"commits"]}),o.branch&&e.signedIn?r("button",{type:"button",class:"link",onClick:()=>e.onHideBranch(o.branch??"",d),"aria-label":`${d?"Unhide":"Hide"} branch ${o.branch}`,"data-testid":"hide-branch",children:d?"Unhide branch":"Hide branch"}):null,o.error?r("span",{class:"sync-error",children:o.error}):null]})})}return t.t==="more"?r("div",{role:"row",class:"tr more",style:n,"aria-rowindex":e.rowIndex,"data-testid":"placeholder-row",children:r("div",{role:"cell",class:"td span muted",children:t.seg.error??"Loading…"})}):r(Ut,{...e,row:t.row,depth:t.depth,style:n})}class Ut extends he{flashUntil=0;collapsed=!1;shouldComponentUpdate(t){const n=this.props;return n.row!==t.row||n.index!==t.index||n.rowIndex!==t.rowIndex||n.depth!==t.depth||n.state!==t.state||n.goals!==t.goals||n.selected!==t.selected||n.signedIn!==t.signedIn||n.baseline!==t.baseline||n.model!==t.model||this.flashUntil!==(t.flash.get(t.row.id)??0)||this.collapsed!==t.model.collapsedRows.has(t.row.id)}render(){return this.flashUntil=this.props.flash.get(this.props.row.id)??0,this.collapsed=this.props.model.collapsedRows.has(this.props.row.id),Sr(this.props)}}function Sr(e){const{row:t,state:n,model:o}=e,i=hr(t),l=vt(t),d=n.baseline?vt(n.baseline):null,c=e.baseline===!0||n.baseline?.id===t.id,h=(e.flash.get(t.id)??0)>Date.now(),a=o.collapsedRows.has(t.id),u=["tr",e.depth===1?"child":"",t.kind==="LIVE"?"live":"",t.status==="RUNNING"?"running":"",t.hidden?"hidden-row":"",e.selected.has(t.id)?"selected":"",h?"flash":"",e.baseline?"baseline":""].join(" ");return r("div",{role:"row",class:u,style:e.style,"aria-rowindex":e.rowIndex,"aria-selected":e.selected.has(t.id),"data-testid":e.baseline?"baseline-row":"row","data-row-id":t.id,"data-kind":t.kind,"data-status":t.status,"data-hidden":t.hidden?"true":"false",children:[r("div",{role:"cell",class:"td sticky0",children:r("input",{type:"checkbox","aria-label":`Select ${i}`,checked:e.selected.has(t.id),onChange:f=>e.onSelect(t.id,f.currentTarget.checked)})}),r("div",{role:"cell",class:"td sticky1 name","data-testid":"row-name",children:[e.depth===1?r("span",{class:"indent","aria-hidden":"true"}):null,t.children&&t.children.length>0&&!e.baseline?r("button",{type:"button",class:"twisty","aria-expanded":!a,"aria-label":`${a?"Show":"Hide"} the ${t.children.length} experiments of ${i}`,onClick:()=>{a?o.collapsedRows.delete(t.id):o.collapsedRows.add(t.id),o.changed()},children:a?"▸":"▾"}):r("span",{class:"twisty-space","aria-hidden":"true"}),r("span",{class:t.kind==="COMMIT"?"sha":"exp-name",title:t.sha??t.name??"",children:i}),c?r("span",{class:"chip base",children:"baseline"}):null,t.kind==="LIVE"?r("span",{class:"chip live-chip",children:["live",t.lastStep!==null?` · step ${t.lastStep}`:""]}):null,t.detached?r("span",{class:"chip",children:"detached"}):null,t.tags.slice(0,2).map(f=>r("span",{class:"chip tag",children:f},f))]}),r("div",{role:"cell",class:"td","data-testid":"status",children:r("span",{class:`status status-${t.status.toLowerCase()}`,children:t.status})}),r("div",{role:"cell",class:"td ellipsis",children:t.branches?.[0]??""}),r("div",{role:"cell",class:"td ellipsis",children:t.author?.name??""}),r("div",{role:"cell",class:"td ellipsis",title:t.message??"",children:mr(t.message)}),r("div",{role:"cell",class:"td ellipsis",title:ie(t.committedAt??t.createdAt),children:ie(t.committedAt??t.createdAt).replace(" UTC","")}),n.columns.map(f=>{const s=l.get(f),_=d?.get(f);let m=Xe(s),v="td num",y;if(d&&!c&&typeof s=="number"&&typeof _=="number"){const p=s-_;n.deltas&&(m=qe(p));const w=e.goals.get(f);if(w&&p!==0){const k=w==="HIGHER"?p>0:p<0;v+=k?" better":" worse",y=`${k?"better":"worse"} than the baseline (${qe(p)})`}}return r("div",{role:"cell",class:v,title:y,"data-column":f,children:m},f)}),r("div",{role:"cell",class:"td actions",children:e.signedIn&&!e.baseline?r("button",{type:"button",class:"link","aria-label":`${t.hidden?"Unhide":"Hide"} ${i}`,onClick:()=>e.onHide(t,t.hidden),"data-testid":"hide-row",children:t.hidden?"Unhide":"Hide"}):null})]})}function kr(e,t){return`${Je(e)}/models/${encodeURIComponent(t)}`}function $r(e){le("Models");const[t,n]=x(null),[o,i]=x(0),[l,d]=x(null),[c,h]=x(""),[a,u]=x(null),f=async(s,_)=>{try{const m=await V(yn,{after:s,filter:_?{name:_}:null});n(v=>[...s&&v?v:[],...m.models.nodes]),i(m.models.totalCount),d(m.models.pageInfo.hasNextPage?m.models.pageInfo.endCursor:null),u(null)}catch(m){u(m)}};return q(()=>{const s=setTimeout(()=>{f(null,c.trim())},c?250:0);return()=>clearTimeout(s)},[c]),r("section",{"aria-labelledby":"models-title",children:[r("h1",{id:"models-title",children:"Models"}),r("div",{class:"toolbar",children:[r("label",{children:["Find a model",r("input",{type:"search",value:c,onInput:s=>h(s.currentTarget.value),"data-testid":"model-search"})]}),e.session?null:r("span",{class:"muted",children:"Signed out: models of public projects only."})]}),a?r(Ae,{error:a}):null,t===null?r("p",{class:"muted",children:"Loading models…"}):t.length===0?r("p",{children:"No models. Declare one in a dvc.yaml (`artifacts:`) or register one with GTO."}):r("table",{class:"projects","data-testid":"models",children:[r("caption",{class:"sr-only",children:[o," models"]}),r("thead",{children:r("tr",{children:[r("th",{scope:"col",children:"Model"}),r("th",{scope:"col",children:"Project"}),r("th",{scope:"col",children:"Latest version"}),r("th",{scope:"col",children:"Stages"}),r("th",{scope:"col",children:"Type"})]})}),r("tbody",{children:t.map(s=>r("tr",{"data-testid":"model","data-model":s.name,children:[r("th",{scope:"row",children:[s.project?r("a",{href:kr(s.project.name,s.name),children:s.name}):s.name,s.deprecated?r("span",{class:"chip",children:" deprecated"}):null,s.description?r("div",{class:"muted small",children:s.description}):null,s.registryError?r("div",{class:"sync-error",children:s.registryError.message}):null]}),r("td",{children:s.project?r("a",{href:Je(s.project.name),children:s.project.name}):"—"}),r("td",{children:s.latestVersion?r(Y,{children:[s.latestVersion.version," ",r("span",{class:"muted small",children:ie(s.latestVersion.createdAt)})]}):r("span",{class:"muted",children:"unregistered"})}),r("td",{children:s.stages.map(_=>r("span",{class:"chip tag",children:[_.stage,": ",_.versions.map(m=>m.version).join(", ")]},_.stage))}),r("td",{children:s.type??""})]},`${s.project?.id??""}:${s.name}`))})]}),l?r("button",{type:"button",onClick:()=>{f(l,c.trim())},children:"More models"}):null]})}const xr=["READ","PROJECTS","EXPERIMENTS","MODELS","ADMIN"];function Ir(e){le("Access tokens");const[t,n]=x(null),[o,i]=x(null),[l,d]=x(""),[c,h]=x(new Set(["READ","EXPERIMENTS"])),[a,u]=x(null),[f,s]=x(null),_=async()=>{try{const y=await V(Rn,{});n(y.me.tokens)}catch(y){i(y)}};if(q(()=>{e.session&&_()},[e.session]),!e.session)return r("section",{children:[r("h1",{children:"Access tokens"}),r("p",{children:[r("a",{href:_e(),children:"Sign in"})," to manage your tokens."]})]});const m=async()=>{u(null);try{const y=await V(jn,{input:{name:l.trim(),scopes:[...c]}}),p=y.createAccessToken.errors[0];if(p){s(`${p.code}: ${p.message}`);return}u(y.createAccessToken.token??null),s(null),d(""),await _()}catch(y){s(y instanceof Error?y.message:String(y))}},v=async y=>{if(confirm(`Revoke the token “${y.name}”? Scripts using it stop working.`))try{const w=(await V(Nn,{id:y.id})).revokeAccessToken.errors[0];s(w?`${w.code}: ${w.message}`:`Revoked “${y.name}”`),await _()}catch(p){s(p instanceof Error?p.message:String(p))}};return r("section",{"aria-labelledby":"tokens-title",children:[r("h1",{id:"tokens-title",children:"Access tokens"}),o?r(Ae,{error:o}):null,r("form",{class:"token-form",onSubmit:y=>{y.preventDefault(),m()},children:[r("label",{children:["Name",r("input",{type:"text",required:!0,value:l,onInput:y=>d(y.currentTarget.value),"data-testid":"token-name"})]}),r("fieldset",{children:[r("legend",{children:"Scopes"}),xr.map(y=>r("label",{children:[r("input",{type:"checkbox",checked:c.has(y),onChange:p=>{const w=new Set(c);p.currentTarget.checked?w.add(y):w.delete(y),h(w)}})," ",y]},y))]}),r("button",{type:"submit",class:"primary",disabled:!l.trim()||c.size===0,children:"Create token"})]}),a?r("div",{class:"notice",role:"status","data-testid":"new-token",children:r("p",{children:["Your new token (shown once): ",r("code",{children:a})]})}):null,f?r("p",{class:"muted",role:"status",children:f}):null,t===null?r("p",{class:"muted",children:"Loading tokens…"}):r("table",{class:"projects","data-testid":"tokens",children:[r("thead",{children:r("tr",{children:[r("th",{scope:"col",children:"Name"}),r("th",{scope:"col",children:"Prefix"}),r("th",{scope:"col",children:"Scopes"}),r("th",{scope:"col",children:"Created"}),r("th",{scope:"col",children:"Last used"}),r("th",{scope:"col",children:r("span",{class:"sr-only",children:"Actions"})})]})}),r("tbody",{children:t.map(y=>r("tr",{"data-testid":"token",children:[r("th",{scope:"row",children:y.name}),r("td",{children:r("code",{children:y.prefix})}),r("td",{children:y.scopes.join(", ")}),r("td",{children:ie(y.createdAt)}),r("td",{children:ie(y.lastUsedAt)}),r("td",{children:r("button",{type:"button",onClick:()=>{v(y)},"aria-label":`Revoke ${y.name}`,children:"Revoke"})})]},y.id))})]})]})}function Er(e,t){if(e==="/"||e==="")return r(On,{session:t});const n=/^\/projects\/([^/]+)\/models\/(.+)$/.exec(e);if(n?.[1]&&n[2])return r(Pn,{title:`Model ${decodeURIComponent(n[2])}`,what:"A model's page"});const o=/^\/projects\/([^/]+)\/?$/.exec(e);if(o?.[1]){const i=decodeURIComponent(o[1]);return r(wr,{name:i,session:t},i)}return e==="/models"?r($r,{session:t}):e==="/settings/tokens"?r(Ir,{session:t}):r(Mn,{})}function Tr(){const e=un(),[t,n]=x({loaded:!1});q(()=>{an().then(l=>n({loaded:!0,session:l})).catch(()=>n({loaded:!0,session:null}))},[]);const o=t.loaded?t.session:null,i=l=>(l==="/"?e.path==="/"||e.path.startsWith("/projects/"):e.path.startsWith(l))?"page":void 0;return r(Y,{children:[r("a",{class:"skip",href:"#main",children:"Skip to content"}),r("header",{class:"shell",children:[r("a",{class:"brand",href:"/",children:"gitstudio"}),r("nav",{"aria-label":"Main",children:r("ul",{children:[r("li",{children:r("a",{href:"/","aria-current":i("/"),children:"Projects"})}),r("li",{children:r("a",{href:"/models","aria-current":i("/models"),children:"Models"})}),r("li",{children:r("a",{href:"/settings/tokens","aria-current":i("/settings/tokens"),children:"Tokens"})}),r("li",{children:r("a",{href:"/graphql",children:"GraphiQL"})})]})}),r("div",{class:"who","data-testid":"session",children:t.loaded?o?r(Y,{children:[r("span",{"data-testid":"user",children:o.user}),r("button",{type:"button",onClick:()=>{cn().then(()=>{location.assign(_e("/"))})},children:"Sign out"})]}):r("a",{href:_e(),"data-testid":"sign-in",children:"Sign in"}):null})]}),r("main",{id:"main",tabIndex:-1,children:t.loaded?Er(e.path,o):r("p",{class:"muted",children:"Loading…"})})]})}const Pe=document.getElementById("app");Pe&&(pn(Pe),Qt(r(Tr,{}),Pe));

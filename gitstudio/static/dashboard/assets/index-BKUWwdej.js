const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=["assets/embed-ji_c-7H5.js","assets/vega-interpreter-BmnYaw1U.js"])))=>i.map(i=>d[i]);
var He,D,Nt,de,ot,Dt,Ht,Be,Ce,ye,Ot,et,ze,Je,Pe={},Ne=[],sn=/acit|ex(?:s|g|n|p|$)|rph|grid|ows|mnc|ntw|ine[ch]|zoo|^ord|itera/i,Oe=Array.isArray;function ae(e,t){for(var r in t)e[r]=t[r];return e}function tt(e){e&&e.parentNode&&e.parentNode.removeChild(e)}function on(e,t,r){var s,i,c,d={};for(c in t)c=="key"?s=t[c]:c=="ref"?i=t[c]:d[c]=t[c];if(arguments.length>2&&(d.children=arguments.length>3?He.call(arguments,2):r),typeof e=="function"&&e.defaultProps!=null)for(c in e.defaultProps)d[c]===void 0&&(d[c]=e.defaultProps[c]);return Te(e,d,s,i,null)}function Te(e,t,r,s,i){var c={type:e,props:t,key:r,ref:s,__k:null,__:null,__b:0,__e:null,__c:null,constructor:void 0,__v:i??++Nt,__i:-1,__u:0};return i==null&&D.vnode!=null&&D.vnode(c),c}function ne(e){return e.children}function be(e,t){this.props=e,this.context=t}function me(e,t){if(t==null)return e.__?me(e.__,e.__i+1):null;for(var r;t<e.__k.length;t++)if((r=e.__k[t])!=null&&r.__e!=null)return r.__e;return typeof e.type=="function"?me(e):null}function ln(e){if(e.__P&&e.__d){var t=e.__v,r=t.__e,s=[],i=[],c=ae({},t);c.__v=t.__v+1,D.vnode&&D.vnode(c),nt(e.__P,c,t,e.__n,e.__P.namespaceURI,32&t.__u?[r]:null,s,r??me(t),!!(32&t.__u),i),c.__v=t.__v,c.__.__k[c.__i]=c,Vt(s,c,i),t.__e=t.__=null,c.__e!=r&&qt(c)}}function qt(e){if((e=e.__)!=null&&e.__c!=null)return e.__e=e.__c.base=null,e.__k.some(function(t){if(t!=null&&t.__e!=null)return e.__e=e.__c.base=t.__e}),qt(e)}function it(e){(!e.__d&&(e.__d=!0)&&de.push(e)&&!De.__r++||ot!=D.debounceRendering)&&((ot=D.debounceRendering)||Dt)(De)}function De(){try{for(var e,t=1;de.length;)de.length>t&&de.sort(Ht),e=de.shift(),t=de.length,ln(e)}finally{de.length=De.__r=0}}function Lt(e,t,r,s,i,c,d,l,u,a,h){var g,o,m,f,w,_,p=s&&s.__k||Ne,v=t.length;for(u=an(r,t,p,u,v),g=0;g<v;g++)(m=r.__k[g])!=null&&(o=m.__i!=-1&&p[m.__i]||Pe,m.__i=g,_=nt(e,m,o,i,c,d,l,u,a,h),f=m.__e,m.ref&&o.ref!=m.ref&&(o.ref&&rt(o.ref,null,m),h.push(m.ref,m.__c||f,m)),w==null&&f!=null&&(w=f),4&m.__u?(u=Bt(m,u,e),o.__e&&(o.__e=null)):typeof m.type=="function"&&_!==void 0?u=_:f&&(u=f.nextSibling),m.__u&=-7);return r.__e=w,u}function an(e,t,r,s,i){var c,d,l,u,a,h=r.length,g=h,o=0;for(e.__k=new Array(i),c=0;c<i;c++)(d=t[c])!=null&&typeof d!="boolean"&&typeof d!="function"?(typeof d=="string"||typeof d=="number"||typeof d=="bigint"||d.constructor==String?d=e.__k[c]=Te(null,d,null,null,null):Oe(d)?d=e.__k[c]=Te(ne,{children:d},null,null,null):d.constructor===void 0&&d.__b>0?d=e.__k[c]=Te(d.type,d.props,d.key,d.ref?d.ref:null,d.__v):e.__k[c]=d,u=c+o,d.__=e,d.__b=e.__b+1,l=null,(a=d.__i=cn(d,r,u,g))!=-1&&(g--,(l=r[a])&&(l.__u|=2)),l==null||l.__v==null?(a==-1&&(i>h?o--:i<h&&o++),typeof d.type!="function"&&(d.__u|=4)):a!=u&&(a==u-1?o--:a==u+1?o++:(a>u?o--:o++,d.__u|=4))):e.__k[c]=null;if(g)for(c=0;c<h;c++)(l=r[c])!=null&&(2&l.__u)==0&&(l.__e==s&&(s=me(l)),Gt(l,l));return s}function Bt(e,t,r){var s,i;if(typeof e.type=="function"){for(s=e.__k,i=0;s&&i<s.length;i++)s[i]&&(s[i].__=e,t=Bt(s[i],t,r));return t}e.__e!=t&&(t&&e.type&&!t.parentNode&&(t=me(e)),t=r.insertBefore(e.__e,t||null));do t=t&&t.nextSibling;while(t!=null&&t.nodeType==8);return t}function cn(e,t,r,s){var i,c,d,l=e.key,u=e.type,a=t[r],h=a!=null&&(2&a.__u)==0;if(a===null&&l==null||h&&l==a.key&&u==a.type)return r;if(s>(h?1:0)){for(i=r-1,c=r+1;i>=0||c<t.length;)if((a=t[d=i>=0?i--:c++])!=null&&(2&a.__u)==0&&l==a.key&&u==a.type)return d}return-1}function lt(e,t,r){t[0]=="-"?e.setProperty(t,r??""):e[t]=r==null?"":typeof r!="number"||sn.test(t)?r:r+"px"}function xe(e,t,r,s,i){var c,d;e:if(t=="style")if(typeof r=="string")e.style.cssText=r;else{if(typeof s=="string"&&(e.style.cssText=s=""),s)for(t in s)r&&t in r||lt(e.style,t,"");if(r)for(t in r)s&&r[t]==s[t]||lt(e.style,t,r[t])}else if(t[0]=="o"&&t[1]=="n")c=t!=(t=t.replace(Ot,"$1")),d=t.toLowerCase(),t=d in e||t=="onFocusOut"||t=="onFocusIn"?d.slice(2):t.slice(2),e.l||(e.l={}),e.l[t+c]=r,r?s?r[ye]=s[ye]:(r[ye]=et,e.addEventListener(t,c?Je:ze,c)):e.removeEventListener(t,c?Je:ze,c);else{if(i=="http://www.w3.org/2000/svg")t=t.replace(/xlink(H|:h)/,"h").replace(/sName$/,"s");else if(t!="width"&&t!="height"&&t!="href"&&t!="list"&&t!="form"&&t!="tabIndex"&&t!="download"&&t!="rowSpan"&&t!="colSpan"&&t!="role"&&t!="popover"&&t in e)try{e[t]=r??"";break e}catch{}typeof r=="function"||(r==null||r===!1&&t[4]!="-"?e.removeAttribute(t):e.setAttribute(t,t=="popover"&&r==1?"":r))}}function at(e){return function(t){if(this.l){var r=this.l[t.type+e];if(t[Ce]==null)t[Ce]=et++;else if(t[Ce]<r[ye])return;return r(D.event?D.event(t):t)}}}function nt(e,t,r,s,i,c,d,l,u,a){var h,g,o,m,f,w,_,p,v,$,k,C,H,W,U,X,V=t.type;if(t.constructor!==void 0)return null;128&r.__u&&(u=!!(32&r.__u),c=[l=t.__e=r.__e]),(h=D.__b)&&h(t);e:if(typeof V=="function"){g=d.length;try{if(v=t.props,$=V.prototype&&V.prototype.render,k=(h=V.contextType)&&s[h.__c],C=h?k?k.props.value:h.__:s,r.__c?p=(o=t.__c=r.__c).__=o.__E:($?t.__c=o=new V(v,C):(t.__c=o=new be(v,C),o.constructor=V,o.render=un),k&&k.sub(o),o.state||(o.state={}),o.__n=s,m=o.__d=!0,o.__h=[],o._sb=[]),$&&o.__s==null&&(o.__s=o.state),$&&V.getDerivedStateFromProps!=null&&(o.__s==o.state&&(o.__s=ae({},o.__s)),ae(o.__s,V.getDerivedStateFromProps(v,o.__s))),f=o.props,w=o.state,o.__v=t,m)$&&V.getDerivedStateFromProps==null&&o.componentWillMount!=null&&o.componentWillMount(),$&&o.componentDidMount!=null&&o.__h.push(o.componentDidMount);else{if($&&V.getDerivedStateFromProps==null&&v!==f&&o.componentWillReceiveProps!=null&&o.componentWillReceiveProps(v,C),t.__v==r.__v||!o.__e&&o.shouldComponentUpdate!=null&&o.shouldComponentUpdate(v,o.__s,C)===!1){t.__v!=r.__v&&(o.props=v,o.state=o.__s,o.__d=!1),t.__e=r.__e,t.__k=r.__k,t.__k.some(function(z){z&&(z.__=t)}),Ne.push.apply(o.__h,o._sb),o._sb=[],o.__h.length&&d.push(o),l=me(r);break e}o.componentWillUpdate!=null&&o.componentWillUpdate(v,o.__s,C),$&&o.componentDidUpdate!=null&&o.__h.push(function(){o.componentDidUpdate(f,w,_)})}if(o.context=C,o.props=v,o.__P=e,o.__e=!1,H=D.__r,W=0,$)o.state=o.__s,o.__d=!1,H&&H(t),h=o.render(o.props,o.state,o.context),Ne.push.apply(o.__h,o._sb),o._sb=[];else do o.__d=!1,H&&H(t),h=o.render(o.props,o.state,o.context),o.state=o.__s;while(o.__d&&++W<25);o.state=o.__s,o.getChildContext!=null&&(s=ae(ae({},s),o.getChildContext())),$&&!m&&o.getSnapshotBeforeUpdate!=null&&(_=o.getSnapshotBeforeUpdate(f,w)),U=h!=null&&h.type===ne&&h.key==null?Ft(h.props.children):h,l=Lt(e,Oe(U)?U:[U],t,r,s,i,c,d,l,u,a),o.base=t.__e,t.__u&=-161,o.__h.length&&d.push(o),p&&(o.__E=o.__=null)}catch(z){if(d.length=g,t.__v=null,u||c!=null){if(z.then){for(t.__u|=u?160:128;l&&l.nodeType==8&&l.nextSibling;)l=l.nextSibling;c!=null&&(c[c.indexOf(l)]=null),t.__e=l}else if(c!=null)for(X=c.length;X--;)tt(c[X])}else t.__e=r.__e;t.__k==null&&(t.__k=r.__k||[]),z.then||Ut(t),D.__e(z,t,r)}}else c==null&&t.__v==r.__v?(t.__k=r.__k,t.__e=r.__e):l=t.__e=dn(r.__e,t,r,s,i,c,d,u,a);return(h=D.diffed)&&h(t),128&t.__u?void 0:l}function Ut(e){e&&(e.__c&&(e.__c.__e=!0),e.__k&&e.__k.some(Ut))}function Vt(e,t,r){for(var s=0;s<r.length;s++)rt(r[s],r[++s],r[++s]);D.__c&&D.__c(t,e),e.some(function(i){try{e=i.__h,i.__h=[],e.some(function(c){c.call(i)})}catch(c){D.__e(c,i.__v)}})}function Ft(e){return typeof e!="object"||e==null||e.__b>0?e:Oe(e)?e.map(Ft):e.constructor!==void 0?null:ae({},e)}function dn(e,t,r,s,i,c,d,l,u){var a,h,g,o,m,f,w,_=r.props||Pe,p=t.props,v=t.type;if(v=="svg"?i="http://www.w3.org/2000/svg":v=="math"?i="http://www.w3.org/1998/Math/MathML":i||(i="http://www.w3.org/1999/xhtml"),c!=null){for(a=0;a<c.length;a++)if((m=c[a])&&"setAttribute"in m==!!v&&(v?m.localName==v:m.nodeType==3)){e=m,c[a]=null;break}}if(e==null){if(v==null)return document.createTextNode(p);e=document.createElementNS(i,v,p.is&&p),l&&(D.__m&&D.__m(t,c),l=!1),c=null}if(v==null)_===p||l&&e.data==p||(e.data=p);else{if(c=v=="textarea"&&p.defaultValue!=null?null:c&&He.call(e.childNodes),!l&&c!=null)for(_={},a=0;a<e.attributes.length;a++)_[(m=e.attributes[a]).name]=m.value;for(a in _)m=_[a],a=="dangerouslySetInnerHTML"?g=m:a=="children"||a in p||a=="value"&&"defaultValue"in p||a=="checked"&&"defaultChecked"in p||xe(e,a,null,m,i);for(a in p)m=p[a],a=="children"?o=m:a=="dangerouslySetInnerHTML"?h=m:a=="value"?f=m:a=="checked"?w=m:l&&typeof m!="function"||_[a]===m||xe(e,a,m,_[a],i);if(h)l||g&&(h.__html==g.__html||h.__html==e.innerHTML)||(e.innerHTML=h.__html),t.__k=[];else if(g&&(e.innerHTML=""),Lt(t.type=="template"?e.content:e,Oe(o)?o:[o],t,r,s,v=="foreignObject"?"http://www.w3.org/1999/xhtml":i,c,d,c?c[0]:r.__k&&me(r,0),l,u),c!=null)for(a=c.length;a--;)tt(c[a]);l&&v!="textarea"||(a="value",v=="progress"&&f==null?e.removeAttribute("value"):f!=null&&(f!==e[a]||v=="progress"&&!f||v=="option"&&f!=_[a])&&xe(e,a,f,_[a],i),a="checked",w!=null&&w!=e[a]&&xe(e,a,w,_[a],i))}return e}function rt(e,t,r){try{if(typeof e=="function"){var s=typeof e.__u=="function";s&&e.__u(),s&&t==null||(e.__u=e(t))}else e.current=t}catch(i){D.__e(i,r)}}function Gt(e,t,r){var s,i;if(D.unmount&&D.unmount(e),(s=e.ref)&&(s.current&&s.current!=e.__e||rt(s,null,t)),(s=e.__c)!=null){if(s.componentWillUnmount)try{s.componentWillUnmount()}catch(c){D.__e(c,t)}s.base=s.__P=s.__n=null}if(s=e.__k)for(i=0;i<s.length;i++)s[i]&&Gt(s[i],t,r||typeof e.type!="function");r||tt(e.__e),e.__c=e.__=e.__e=void 0}function un(e,t,r){return this.constructor(e,r)}function hn(e,t,r){var s,i,c,d;t==document&&(t=document.documentElement),D.__&&D.__(e,t),i=(s=!1)?null:t.__k,c=[],d=[],nt(t,e=t.__k=on(ne,null,[e]),i||Pe,Pe,t.namespaceURI,i?null:t.firstChild?He.call(t.childNodes):null,c,i?i.__e:t.firstChild,s,d),Vt(c,e,d),e.props.children=null}He=Ne.slice,D={__e:function(e,t,r,s){for(var i,c,d;t=t.__;)if((i=t.__c)&&!i.__)try{if((c=i.constructor)&&c.getDerivedStateFromError!=null&&(i.setState(c.getDerivedStateFromError(e)),d=i.__d),i.componentDidCatch!=null&&(i.componentDidCatch(e,s||{}),d=i.__d),d)return i.__E=i}catch(l){e=l}throw e}},Nt=0,be.prototype.setState=function(e,t){var r;r=this.__s!=null&&this.__s!=this.state?this.__s:this.__s=ae({},this.state),typeof e=="function"&&(e=e(ae({},r),this.props)),e&&ae(r,e),e!=null&&this.__v&&(t&&this._sb.push(t),it(this))},be.prototype.forceUpdate=function(e){this.__v&&(this.__e=!0,e&&this.__h.push(e),it(this))},be.prototype.render=ne,de=[],Dt=typeof Promise=="function"?Promise.prototype.then.bind(Promise.resolve()):setTimeout,Ht=function(e,t){return e.__v.__b-t.__v.__b},De.__r=0,Be=Math.random().toString(8),Ce="__d"+Be,ye="__a"+Be,Ot=/(PointerCapture)$|Capture$/i,et=0,ze=at(!1),Je=at(!0);var pn=0;function n(e,t,r,s,i,c){t||(t={});var d,l,u=t;if("ref"in u)for(l in u={},t)l=="ref"?d=t[l]:u[l]=t[l];var a={type:e,props:u,key:r,ref:d,__k:null,__:null,__b:0,__e:null,__c:null,constructor:void 0,__v:--pn,__i:-1,__u:0,__source:i,__self:c};if(typeof e=="function"&&(d=e.defaultProps))for(l in d)u[l]===void 0&&(u[l]=d[l]);return D.vnode&&D.vnode(a),a}var we,B,Ue,ct,Se=0,Wt=[],G=D,dt=G.__b,ut=G.__r,ht=G.diffed,pt=G.__c,mt=G.unmount,ft=G.__;function st(e,t){G.__h&&G.__h(B,e,Se||t),Se=0;var r=B.__H||(B.__H={__:[],__h:[]});return e>=r.__.length&&r.__.push({}),r.__[e]}function S(e){return Se=1,mn(Jt,e)}function mn(e,t,r){var s=st(we++,2);if(s.t=e,!s.__c&&(s.__=[Jt(void 0,t),function(l){var u=s.__N?s.__N[0]:s.__[0],a=s.t(u,l);u!==a&&(s.__N=[a,s.__[1]],s.__c.setState({}))}],s.__c=B,!B.__f)){var i=function(l,u,a){if(!s.__c.__H)return!0;var h=!1,g=s.__c.props!==l;if(s.__c.__H.__.some(function(m){if(m.__N){h=!0;var f=m.__[0];m.__=m.__N,m.__N=void 0,f!==m.__[0]&&(g=!0)}}),c){var o=c.call(this,l,u,a);return h?o||g:o}return!h||g};B.__f=!0;var c=B.shouldComponentUpdate,d=B.componentWillUpdate;B.componentWillUpdate=function(l,u,a){if(this.__e){var h=c;c=void 0,i(l,u,a),c=h}d&&d.call(this,l,u,a)},B.shouldComponentUpdate=i}return s.__N||s.__}function L(e,t){var r=st(we++,3);!G.__s&&zt(r.__H,t)&&(r.__=e,r.u=t,B.__H.__h.push(r))}function ke(e){return Se=5,Ie(function(){return{current:e}},[])}function Ie(e,t){var r=st(we++,7);return zt(r.__H,t)&&(r.__=e(),r.__H=t,r.__h=e),r.__}function gt(e,t){return Se=8,Ie(function(){return e},t)}function fn(){for(var e;e=Wt.shift();){var t=e.__H;if(e.__P&&t)try{t.__h.some(Re),t.__h.some(Xe),t.__h=[]}catch(r){t.__h=[],G.__e(r,e.__v)}}}G.__b=function(e){B=null,dt&&dt(e)},G.__=function(e,t){e&&t.__k&&t.__k.__m&&(e.__m=t.__k.__m),ft&&ft(e,t)},G.__r=function(e){ut&&ut(e),we=0;var t=(B=e.__c).__H;t&&(Ue===B?(t.__h=[],B.__h=[],t.__.some(function(r){r.__N&&(r.__=r.__N),r.u=r.__N=void 0})):(t.__h.some(Re),t.__h.some(Xe),t.__h=[],we=0)),Ue=B},G.diffed=function(e){ht&&ht(e);var t=e.__c;t&&t.__H&&(t.__H.__h.length&&(Wt.push(t)!==1&&ct===G.requestAnimationFrame||((ct=G.requestAnimationFrame)||gn)(fn)),t.__H.__.some(function(r){r.u&&(r.__H=r.u,r.u=void 0)})),Ue=B=null},G.__c=function(e,t){t.some(function(r){try{r.__h.some(Re),r.__h=r.__h.filter(function(s){return!s.__||Xe(s)})}catch(s){t.some(function(i){i.__h&&(i.__h=[])}),t=[],G.__e(s,r.__v)}}),pt&&pt(e,t)},G.unmount=function(e){mt&&mt(e);var t,r=e.__c;r&&r.__H&&(r.__H.__.some(function(s){try{Re(s)}catch(i){t=i}}),r.__H=void 0,t&&G.__e(t,r.__v))};var _t=typeof requestAnimationFrame=="function";function gn(e){var t,r=function(){clearTimeout(s),_t&&cancelAnimationFrame(t),setTimeout(e)},s=setTimeout(r,35);_t&&(t=requestAnimationFrame(r))}function Re(e){var t=B,r=e.__c;typeof r=="function"&&(e.__c=void 0,r()),B=t}function Xe(e){var t=B;e.__c=e.__(),B=t}function zt(e,t){return!e||e.length!==t.length||t.some(function(r,s){return r!==e[s]})}function Jt(e,t){return typeof t=="function"?t(e):t}function K(e){return e===null?"null":Array.isArray(e)?"array":typeof e}function pe(e){return K(e)==="object"}function _n(e){return Array.isArray(e)&&e.length>0&&e.every(t=>"message"in t)}function yt(e,t){return e.length<124?e:t}const yn="graphql-transport-ws";var ee=(e=>(e[e.InternalServerError=4500]="InternalServerError",e[e.InternalClientError=4005]="InternalClientError",e[e.BadRequest=4400]="BadRequest",e[e.BadResponse=4004]="BadResponse",e[e.Unauthorized=4401]="Unauthorized",e[e.Forbidden=4403]="Forbidden",e[e.SubprotocolNotAcceptable=4406]="SubprotocolNotAcceptable",e[e.ConnectionInitialisationTimeout=4408]="ConnectionInitialisationTimeout",e[e.ConnectionAcknowledgementTimeout=4504]="ConnectionAcknowledgementTimeout",e[e.SubscriberAlreadyExists=4409]="SubscriberAlreadyExists",e[e.TooManyInitialisationRequests=4429]="TooManyInitialisationRequests",e))(ee||{}),te=(e=>(e.ConnectionInit="connection_init",e.ConnectionAck="connection_ack",e.Ping="ping",e.Pong="pong",e.Subscribe="subscribe",e.Next="next",e.Error="error",e.Complete="complete",e))(te||{});function Xt(e){if(!pe(e))throw new Error(`Message is expected to be an object, but got ${K(e)}`);if(!e.type)throw new Error("Message is missing the 'type' property");if(typeof e.type!="string")throw new Error(`Message is expects the 'type' property to be a string, but got ${K(e.type)}`);switch(e.type){case"connection_init":case"connection_ack":case"ping":case"pong":{if(e.payload!=null&&!pe(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an object or nullish or missing, but got "${e.payload}"`);break}case"subscribe":{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${K(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);if(!pe(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an object, but got ${K(e.payload)}`);if(typeof e.payload.query!="string")throw new Error(`"${e.type}" message payload expects the 'query' property to be a string, but got ${K(e.payload.query)}`);if(e.payload.variables!=null&&!pe(e.payload.variables))throw new Error(`"${e.type}" message payload expects the 'variables' property to be a an object or nullish or missing, but got ${K(e.payload.variables)}`);if(e.payload.operationName!=null&&K(e.payload.operationName)!=="string")throw new Error(`"${e.type}" message payload expects the 'operationName' property to be a string or nullish or missing, but got ${K(e.payload.operationName)}`);if(e.payload.extensions!=null&&!pe(e.payload.extensions))throw new Error(`"${e.type}" message payload expects the 'extensions' property to be a an object or nullish or missing, but got ${K(e.payload.extensions)}`);break}case"next":{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${K(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);if(!pe(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an object, but got ${K(e.payload)}`);break}case"error":{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${K(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);if(!_n(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an array of GraphQL errors, but got ${JSON.stringify(e.payload)}`);break}case"complete":{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${K(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);break}default:throw new Error(`Invalid message 'type' property "${e.type}"`)}return e}function bn(e,t){return Xt(typeof e=="string"?JSON.parse(e,t):e)}function ge(e,t){return Xt(e),JSON.stringify(e,t)}function vn(e){const{url:t,connectionParams:r,lazy:s=!0,onNonLazyError:i=console.error,lazyCloseTimeout:c=0,keepAlive:d=0,disablePong:l,connectionAckWaitTimeout:u=0,retryAttempts:a=5,retryWait:h=async function(y){const I=Math.pow(2,y);await new Promise(x=>setTimeout(x,I*1e3+Math.floor(Math.random()*2700+300)))},shouldRetry:g=Ve,on:o,webSocketImpl:m,generateID:f=function(){return"xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx".replace(/[xy]/g,y=>{const I=Math.random()*16|0;return(y=="x"?I:I&3|8).toString(16)})},jsonMessageReplacer:w,jsonMessageReviver:_}=e;let p;if(m){if(!Sn(m))throw new Error("Invalid WebSocket implementation provided");p=m}else typeof WebSocket<"u"?p=WebSocket:typeof global<"u"?p=global.WebSocket||global.MozWebSocket:typeof window<"u"&&(p=window.WebSocket||window.MozWebSocket);if(!p)throw new Error("WebSocket implementation missing; on Node you can `import WebSocket from 'ws';` and pass `webSocketImpl: WebSocket` to `createClient`");const v=p,$=(()=>{const T=(()=>{const I={};return{on(x,M){return I[x]=M,()=>{delete I[x]}},emit(x){"id"in x&&I[x.id]?.(x)}}})(),y={connecting:o?.connecting?[o.connecting]:[],opened:o?.opened?[o.opened]:[],connected:o?.connected?[o.connected]:[],ping:o?.ping?[o.ping]:[],pong:o?.pong?[o.pong]:[],message:o?.message?[T.emit,o.message]:[T.emit],closed:o?.closed?[o.closed]:[],error:o?.error?[o.error]:[]};return{onMessage:T.on,on(I,x){const M=y[I];return M.push(x),()=>{const O=M.indexOf(x);O>-1&&M.splice(O,1)}},emit(I,...x){for(const M of[...y[I]])M(...x)}}})();function k(T){const y=[$.on("error",I=>{y.forEach(x=>x()),T(I)}),$.on("closed",I=>{y.forEach(x=>x()),T(I)})];return()=>y.forEach(I=>I())}let C,H=0,W,U=!1,X=0,V=!1;async function z(){clearTimeout(W);const[T,y]=await(C??(C=new Promise((M,O)=>(async()=>{if(U){if(await h(X),!H)return C=void 0,O({code:1e3,reason:"All Subscriptions Gone"});X++}$.emit("connecting",U);const A=new v(typeof t=="function"?await t():t,yn);let re,ce;function ie(){isFinite(d)&&d>0&&(clearTimeout(ce),ce=setTimeout(()=>{A.readyState===v.OPEN&&(A.send(ge({type:te.Ping})),$.emit("ping",!1,void 0))},d))}k(F=>{C=void 0,clearTimeout(re),clearTimeout(ce),O(F),F instanceof bt&&(A.close(4499,"Terminated"),A.onerror=null,A.onclose=null)}),A.onerror=F=>$.emit("error",F),A.onclose=F=>$.emit("closed",F),A.onopen=async()=>{try{$.emit("opened",A);const F=typeof r=="function"?await r():r;if(A.readyState!==v.OPEN)return;A.send(ge(F?{type:te.ConnectionInit,payload:F}:{type:te.ConnectionInit},w)),isFinite(u)&&u>0&&(re=setTimeout(()=>{A.close(ee.ConnectionAcknowledgementTimeout,"Connection acknowledgement timeout")},u)),ie()}catch(F){$.emit("error",F),A.close(ee.InternalClientError,yt(F instanceof Error?F.message:String(F),"Internal client error"))}};let Z=!1;A.onmessage=({data:F})=>{try{const b=bn(F,_);if($.emit("message",b),b.type==="ping"||b.type==="pong"){$.emit(b.type,!0,b.payload),b.type==="pong"?ie():l||(A.send(ge(b.payload?{type:te.Pong,payload:b.payload}:{type:te.Pong},w)),$.emit("pong",!1,b.payload));return}if(Z)return;if(b.type!==te.ConnectionAck)throw new Error(`First message cannot be of type ${b.type}`);clearTimeout(re),Z=!0,$.emit("connected",A,b.payload,U),U=!1,X=0;const E=new Promise((R,P)=>k(P));E.catch(()=>{}),M([A,E])}catch(b){A.onmessage=null,$.emit("error",b),A.close(ee.BadResponse,yt(b instanceof Error?b.message:String(b),"Bad response"))}}})())));T.readyState===v.CLOSING&&await y;let I=()=>{};const x=new Promise(M=>I=M);return[T,I,new Promise((M,O)=>{const A=k(O);T.readyState!==v.OPEN&&y.catch(O),x.then(()=>{if(A(),!H){const re=()=>T.close(1e3,"Normal Closure");isFinite(c)&&c>0?(clearTimeout(W),W=setTimeout(()=>{!H&&T.readyState===v.OPEN&&re()},c)):re()}M()})})]}function se(T){if(Ve(T)&&(wn(T.code)||[ee.InternalServerError,ee.InternalClientError,ee.BadRequest,ee.BadResponse,ee.Unauthorized,ee.SubprotocolNotAcceptable,ee.SubscriberAlreadyExists,ee.TooManyInitialisationRequests].includes(T.code)))throw T;if(V)return!1;if(Ve(T)&&T.code===1e3)return H>0;if(!a||X>=a||!g(T))throw T;return U=!0}s||(async()=>{for(H++;;)try{const[,,T]=await z();await T}catch(T){try{if(!se(T))return}catch(y){return i?.(y)}}})();function Q(T,y){const I=f(T);let x=!1,M=!1,O=()=>{H--,x=!0};return(async()=>{for(H++;;)try{const[A,re,ce]=await z();if(x)return ce.catch(()=>{}),re();const ie=$.onMessage(I,Z=>{switch(Z.type){case te.Next:{y.next(Z.payload);return}case te.Error:{M=!0,x=!0,y.error(Z.payload),O();return}case te.Complete:{x=!0,O();return}}});A.send(ge({id:I,type:te.Subscribe,payload:T},w)),O=()=>{!x&&A.readyState===v.OPEN&&A.send(ge({id:I,type:te.Complete},w)),H--,x=!0,re()},await ce.finally(ie);return}catch(A){if(!se(A))return}})().then(()=>{M||y.complete()}).catch(A=>{y.error(A)}),()=>{x||O()}}return{on:$.on,subscribe:Q,iterate(T){const y=[],I={done:!1,error:null,resolve:()=>{}},x=Q(T,{next(O){y.push(O),I.resolve()},error(O){I.done=!0,I.error=O,I.resolve()},complete(){I.done=!0,I.resolve()}}),M=(async function*(){for(;;){for(y.length||await new Promise(A=>I.resolve=A);y.length;)yield y.shift();if(I.error)throw I.error;if(I.done)return}})();return M.throw=async O=>(I.done||(I.done=!0,I.error=O,I.resolve()),{done:!0,value:void 0}),M.return=async()=>(x(),{done:!0,value:void 0}),M},async dispose(){if(V=!0,C){const[T]=await C;T.close(1e3,"Normal Closure")}},terminate(){C&&$.emit("closed",new bt)}}}class bt extends Error{name="TerminatedCloseEvent";message="4499: Terminated";code=4499;reason="Terminated";wasClean=!1}function Ve(e){return pe(e)&&"code"in e&&"reason"in e}function wn(e){return[1e3,1001,1006,1005,1012,1013,1014].includes(e)?!1:e>=1e3&&e<=1999}function Sn(e){return typeof e=="function"&&"constructor"in e&&"CLOSED"in e&&"CLOSING"in e&&"CONNECTING"in e&&"OPEN"in e}let ue=null;async function kn(){const e=await fetch("/api/session",{headers:{Accept:"application/json"}});if(!e.ok)return ue=null,null;const t=await e.json();return ue={user:t.user,admin:t.admin,csrfToken:t.csrf_token},ue}async function $n(){const e={Accept:"application/json"};ue&&(e["X-CSRF-Token"]=ue.csrfToken),await fetch("/logout",{method:"POST",headers:e}),ue=null}function $e(e=location.pathname+location.search){return"/login?next="+encodeURIComponent(e)}class he extends Error{errors;constructor(t){super(t.map(r=>r.message).join("; ")||"request failed"),this.errors=t}has(t){return this.errors.some(r=>r.code===t)}}async function N(e,t,r){const s={"Content-Type":"application/json",Accept:"application/json"};ue&&(s["X-CSRF-Token"]=ue.csrfToken);const i={method:"POST",headers:s,body:JSON.stringify({query:e.toString(),variables:t}),credentials:"same-origin"},c=await fetch("/graphql",i);let d;try{d=await c.json()}catch{throw new he([{message:`HTTP ${c.status}`,code:c.status===401?"UNAUTHENTICATED":null}])}if(d.errors?.length)throw new he(d.errors.map(l=>({message:l.message,code:l.extensions?.code??null})));if(d.data==null)throw new he([{message:`HTTP ${c.status}`,code:null}]);return d.data}async function In(e,t,r){const s=new URLSearchParams({repo:e,name:t});"version"in r?s.set("version",r.version):"stage"in r&&s.set("stage",r.stage);const i=await fetch("/api/model-registry/get-download-uris?"+s.toString(),{headers:{Accept:"application/json"},credentials:"same-origin"});let c;try{c=await i.json()}catch{throw new he([{message:`HTTP ${i.status}`,code:null}])}if(!i.ok){const l=c??{};throw new he([{message:typeof l.detail=="string"?l.detail:`HTTP ${i.status}`,code:typeof l.code=="string"?l.code:null}])}const d={};if(typeof c=="object"&&c!==null)for(const[l,u]of Object.entries(c))typeof u=="string"&&(d[l]=u);return d}let Fe=null;function En(){if(!Fe){const e=location.protocol==="https:"?"wss:":"ws:";Fe=vn({url:`${e}//${location.host}/graphql`,lazy:!0,retryAttempts:1/0,shouldRetry:()=>!0,retryWait:async t=>{await new Promise(r=>setTimeout(r,Math.min(1e3*2**t,15e3)))}})}return Fe}function Ke(e,t,r,s){return En().subscribe({query:e.toString(),variables:t},{next:i=>{i.data&&r(i.data)},error:i=>s?.(i),complete:()=>{}})}const Qe=new Set;function Kt(){for(const e of Qe)e()}window.addEventListener("popstate",Kt);function Ye(e,t=!1){e!==location.pathname+location.search&&(t?history.replaceState(null,"",e):history.pushState(null,"",e),Kt())}function xn(){const[,e]=S(0);return L(()=>{const t=()=>e(r=>r+1);return Qe.add(t),()=>{Qe.delete(t)}},[]),{path:location.pathname,query:new URLSearchParams(location.search)}}const Cn=["/graphql","/login","/logout","/api/","/auth/"];function Tn(e){e.addEventListener("click",t=>{if(t.defaultPrevented||t.button!==0||t.metaKey||t.ctrlKey||t.shiftKey||t.altKey)return;const s=t.target?.closest("a");if(!s||s.target||s.hasAttribute("download"))return;const i=new URL(s.href,location.href);i.origin===location.origin&&(Cn.some(c=>i.pathname===c||i.pathname.startsWith(c))||(t.preventDefault(),Ye(i.pathname+i.search)))})}function qe(e){return"/projects/"+encodeURIComponent(e)}function oe(e){if(!e)return"—";const t=new Date(e);return Number.isNaN(t.getTime())?e:t.toISOString().slice(0,16).replace("T"," ")+" UTC"}function vt(e,t=Date.now()){if(!e)return"never";const r=Math.round((t-new Date(e).getTime())/1e3);return r<60?`${Math.max(r,0)} s ago`:r<3600?`${Math.round(r/60)} min ago`:r<86400?`${Math.round(r/3600)} h ago`:`${Math.round(r/86400)} d ago`}function Le(e){if(e==null)return"";if(typeof e=="number"){if(Number.isInteger(e))return String(e);const t=Math.abs(e);return t!==0&&(t<.001||t>=1e6)?e.toExponential(3):String(Number(e.toPrecision(5)))}return typeof e=="string"?e:typeof e=="boolean"?e?"true":"false":JSON.stringify(e)}function Ze(e){const t=Le(e);return e>0?"+"+t:t}function je(e){return e.split(":").slice(2).join(":")||e}class j extends String{__apiType;value;__meta__;constructor(t,r){super(t),this.value=t,this.__meta__=r}toString(){return this.value}}new j(`
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
    `,{fragmentName:"ModelFields"});new j(`
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
    `,{fragmentName:"RowFields"});new j(`
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
    `,{fragmentName:"ViewFields"});const Rn=new j(`
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
    `),jn=new j(`
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
    `),An=new j(`
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
    `),Mn=new j(`
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
}`),Pn=new j(`
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
}`),Nn=new j(`
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
}`),Dn=new j(`
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
}`),Hn=new j(`
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
}`),On=new j(`
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
    `),qn=new j(`
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
    `),Ln=new j(`
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
    `),Bn=new j(`
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
    `),Un=new j(`
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
    `),Vn=new j(`
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
    `),Fn=new j(`
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
    `),Gn=new j(`
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
}`),Wn=new j(`
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
    `),zn=new j(`
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
}`),Jn=new j(`
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
}`),Xn=new j(`
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
}`),Kn=new j(`
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
    `),Qn=new j(`
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
    `),Yn=new j(`
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
}`),Zn=new j(`
    mutation DeleteView($input: DeleteViewInput!) {
  deleteView(input: $input) {
    deletedId
    errors {
      code
      message
    }
  }
}
    `),er=new j(`
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
    `),tr=new j(`
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
}`),nr=new j(`
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
}`),rr=new j(`
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
    `),sr=new j(`
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
    `),or=new j(`
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
    `),ir=new j(`
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
    `);function fe(e){L(()=>{document.title=e?`${e} · gitstudio`:"gitstudio"},[e])}function lr(){return fe("Not found"),n("section",{children:[n("h1",{children:"Not found"}),n("p",{children:["No page here. ",n("a",{href:"/",children:"All projects"})]})]})}function Qt(e){return n("div",{class:"notice",role:"alert","data-testid":"sign-in-needed",children:e.signedIn?n("p",{children:[e.what," does not exist or you may not read it."]}):n("p",{children:[e.what," is not public. ",n("a",{href:$e(),children:"Sign in"})," to see it."]})})}function Ee(e){const t=e.error instanceof Error?e.error.message:String(e.error);return n("div",{class:"notice error",role:"alert",children:n("p",{children:t})})}const ar=15e3;function cr(e){fe("Projects");const[t,r]=S(null),[s,i]=S(0),[c,d]=S(null),[l,u]=S(null);return L(()=>{let a=!1;const h=async()=>{try{const o=[];let m=null,f=0,w=!1;for(let _=0;_<20;_++){const p=await N(qn,{after:m});if(o.push(...p.projects.nodes),f=p.projects.totalCount,w=p.projects.pageInfo.hasNextPage,m=p.projects.pageInfo.endCursor,!w)break}if(a)return;r(o),i(f),d(w?m:null),u(null)}catch(o){a||u(o)}};h();const g=setInterval(()=>{h()},ar);return()=>{a=!0,clearInterval(g)}},[]),n("section",{"aria-labelledby":"projects-title",children:[n("h1",{id:"projects-title",children:"Projects"}),l?n(Ee,{error:l}):null,e.session?null:n("p",{class:"muted",children:["Signed out: only public projects are listed. ",n("a",{href:$e("/"),children:"Sign in"})," to see yours."]}),t===null?n("p",{class:"muted",children:"Loading projects…"}):t.length===0?n("p",{children:"No projects yet. Add one with the createProject mutation or `gitstudio project add`."}):n(ne,{children:[n("table",{class:"projects","data-testid":"projects",children:[n("caption",{class:"sr-only",children:[s," projects"]}),n("thead",{children:n("tr",{children:[n("th",{scope:"col",children:"Project"}),n("th",{scope:"col",children:"Last sync"}),n("th",{scope:"col",children:"State"}),n("th",{scope:"col",class:"num",children:"Commits"}),n("th",{scope:"col",class:"num",children:"Rows"}),n("th",{scope:"col",children:"Running live experiments"})]})}),n("tbody",{children:t.map(a=>n("tr",{"data-testid":"project","data-project":a.name,children:[n("th",{scope:"row",children:[n("a",{href:qe(a.name),children:a.name}),n("div",{class:"muted small",title:a.repoUrl,children:[a.visibility.toLowerCase()," · ",a.defaultBranch??"no default branch"]})]}),n("td",{title:oe(a.lastSyncedAt),children:vt(a.lastSyncedAt)}),n("td",{children:[n("span",{class:`badge sync-${a.syncState.toLowerCase()}`,children:a.syncState.toLowerCase()}),a.lastSyncError?n("div",{class:"sync-error","data-testid":"sync-error",children:a.lastSyncError}):null]}),n("td",{class:"num",children:a.commits.totalCount}),n("td",{class:"num","data-testid":"row-count",children:a.rows.totalCount}),n("td",{"data-testid":"running",children:a.running.totalCount===0?n("span",{class:"muted",children:"none"}):n("ul",{class:"running",children:[a.running.nodes.map(h=>n("li",{children:[n("span",{class:"live-dot","aria-hidden":"true"}),h.name??h.id," · step ",h.lastStep??0," · ",vt(h.lastEventAt)]},h.id)),a.running.totalCount>a.running.nodes.length?n("li",{class:"muted",children:["and ",a.running.totalCount-a.running.nodes.length," more"]}):null]})})]},a.id))})]}),c?n("p",{class:"muted",children:["Showing the first ",t.length," of ",s," projects."]}):null]})]})}const dr=(function(){const t=typeof document<"u"&&document.createElement("link").relList;return t&&t.supports&&t.supports("modulepreload")?"modulepreload":"preload"})(),ur=function(e){return"/"+e},wt={},St=function(t,r,s){let i=Promise.resolve();if(r&&r.length>0){let a=function(h){return Promise.all(h.map(g=>Promise.resolve(g).then(o=>({status:"fulfilled",value:o}),o=>({status:"rejected",reason:o}))))};var d=a;document.getElementsByTagName("link");const l=document.querySelector("meta[property=csp-nonce]"),u=l?.nonce||l?.getAttribute("nonce");i=a(r.map(h=>{if(h=ur(h),h in wt)return;wt[h]=!0;const g=h.endsWith(".css"),o=g?'[rel="stylesheet"]':"";if(document.querySelector(`link[href="${h}"]${o}`))return;const m=document.createElement("link");if(m.rel=g?"stylesheet":dr,g||(m.as="script"),m.crossOrigin="",m.href=h,u&&m.setAttribute("nonce",u),document.head.appendChild(m),g)return new Promise((f,w)=>{m.addEventListener("load",f),m.addEventListener("error",()=>w(new Error(`Unable to preload CSS for ${h}`)))})}))}function c(l){const u=new Event("vite:preloadError",{cancelable:!0});if(u.payload=l,window.dispatchEvent(u),!u.defaultPrevented)throw l}return i.then(l=>{for(const u of l||[])u.status==="rejected"&&c(u.reason);return t().catch(c)})};async function Yt(e,t){const[{default:r},{expressionInterpreter:s}]=await Promise.all([St(()=>import("./embed-ji_c-7H5.js"),__vite__mapDeps([0,1])),St(()=>import("./vega-interpreter-BmnYaw1U.js").then(c=>c.v),[])]),i=await r(e,t,{ast:!0,expr:s,actions:!1,defaultStyle:!1,renderer:"canvas",tooltip:{disableDefaultStyle:!0}});return{finalize:()=>i.finalize(),insert:async(c,d)=>{await i.view.insert(c,d).runAsync()}}}function hr(e,t){return{$schema:"https://vega.github.io/schema/vega-lite/v6.json",title:e,width:360,height:200,data:{name:"points",values:t},mark:{type:"line",point:!0,tooltip:!0},encoding:{x:{field:"step",type:"quantitative",title:"step"},y:{field:"value",type:"quantitative",title:e,scale:{zero:!1}},color:{field:"rev",type:"nominal",title:"row"}}}}const pr="plot_rows";function Ge(e){return typeof e=="object"&&e!==null&&!Array.isArray(e)}function mr(e){if(!Ge(e))return null;const t=e.data;if(Ge(t)&&Array.isArray(t.values)){const r=typeof t.name=="string"&&t.name?t.name:pr;return{spec:{...e,data:{...t,name:r}},dataset:r,rows:t.values}}if(Array.isArray(t)){for(const r of t)if(Ge(r)&&typeof r.name=="string"&&Array.isArray(r.values))return{spec:e,dataset:r.name,rows:r.values}}return null}const fr=2e4;function kt(e){return typeof e=="object"&&e!==null&&!Array.isArray(e)}class gr{kept=[];listeners=new Set;listen(t){for(const r of this.kept)t(r);return this.listeners.add(t),()=>{this.listeners.delete(t)}}follow(t,r,s){return Ke(An,{projectId:t,experimentId:r,sinceStep:s},i=>{const c=i.liveMetrics;if(c.type!=="DATA"||c.step===null)return;const d={};if(kt(c.plotRows))for(const[l,u]of Object.entries(c.plotRows))Array.isArray(u)&&(d[l]=u);this.emit({rowId:r,step:c.step,metrics:kt(c.metrics)?c.metrics:{},plotRows:d})})}emit(t){this.kept.length>=fr&&this.kept.shift(),this.kept.push(t);for(const r of this.listeners)r(t)}}const _r=12,yr=500;function br(e){const t=[...new Set(e.rows.flatMap(s=>s.metricNames))].sort().slice(0,_r),r=e.rows.map(s=>s.id).join(",");return t.length===0?null:n("div",{class:"plots","data-testid":"metric-charts",children:t.map(s=>n(vr,{name:s,rows:e.rows.filter(i=>i.metricNames.includes(s)),feed:e.feed},`${r}:${s}`))})}function vr(e){const t=ke(null),[r,s]=S(0),[i,c]=S(null);return L(()=>{const d=t.current;if(!d)return;const l={stopped:!1},u=()=>l.stopped;let a=null,h=()=>{};const g=new Map;let o=0;return(async()=>{const w=(await Promise.all(e.rows.map(async p=>{const $=(await N(jn,{id:p.id,name:e.name,maxPoints:yr})).node,k=$&&"metricHistory"in $?$.metricHistory:null,C=[];return k&&k.steps.forEach((H,W)=>{const U=k.values[W];typeof U=="number"&&C.push({rev:p.label,step:H,value:U})}),C}))).flat();for(const p of w)g.set(p.rev,Math.max(g.get(p.rev)??-1,p.step));if(u())return;if(a=await Yt(d,hr(e.name,w)),u()){a.finalize();return}o=w.length,s(o);const _=new Map(e.rows.filter(p=>p.live).map(p=>[p.id,p.label]));h=e.feed.listen(p=>{const v=_.get(p.rowId),$=p.metrics[e.name];v===void 0||typeof $!="number"||(g.get(v)??-1)>=p.step||(g.set(v,p.step),o+=1,s(o),a?.insert("points",[{rev:v,step:p.step,value:$}]))})})().catch(f=>c(f instanceof Error?f.message:String(f))),()=>{l.stopped=!0,h(),a?.finalize()}},[]),n("figure",{class:"plot","data-testid":"metric-chart","data-metric":e.name,"data-points":r,children:[n("figcaption",{children:e.name}),n("div",{ref:t,class:"chart"}),i?n("p",{class:"sync-error",children:i}):null]})}function wr(e){const[t,r]=S(null),[s,i]=S(null),[c,d]=S(!0),l=e.ids.join(",");L(()=>{let o=!1;return r(null),N(Rn,{projectId:e.projectId,ids:e.ids,baseline:e.baselineId}).then(m=>{const f=m.node;!o&&f&&"compare"in f&&r(f.compare)}).catch(m=>{o||i(m instanceof Error?m.message:String(m))}),()=>{o=!0}},[e.projectId,l,e.baselineId]);const u=Ie(()=>new gr,[t]);L(()=>{if(!t)return;const o=t.experiments.filter(m=>m.kind==="LIVE"&&(m.status==="RUNNING"||m.status==="QUEUED")).map(m=>u.follow(e.projectId,m.id,m.lastStep===null?null:m.lastStep-1));return()=>{for(const m of o)m()}},[u]);const a=t?.experiments.some(o=>o.kind==="LIVE"&&(o.status==="RUNNING"||o.status==="QUEUED"))??!1,h=new Set(t?.differing??[]),g=t?t.rows.filter(o=>!c||h.has(o.column)):[];return n("section",{class:"compare","aria-labelledby":"compare-title","data-testid":"compare-panel",children:[n("div",{class:"compare-head",children:[n("h2",{id:"compare-title",children:["Compare ",e.ids.length," rows"]}),n("label",{children:[n("input",{type:"checkbox",checked:c,onChange:o=>d(o.currentTarget.checked)})," only columns that differ"]}),n("button",{type:"button",onClick:e.onClose,children:"Close compare"})]}),s?n("p",{class:"sync-error",children:s}):null,!t&&!s?n("p",{class:"muted",children:"Loading…"}):null,t?n(ne,{children:[n("div",{class:"compare-table-wrap",children:n("table",{class:"compare-table",children:[n("thead",{children:n("tr",{children:[n("th",{scope:"col",children:"Column"}),t.experiments.map(o=>n("th",{scope:"col",children:o.name??o.sha?.slice(0,7)??o.id},o.id))]})}),n("tbody",{children:g.map(o=>n("tr",{children:[n("th",{scope:"row",title:o.column,children:o.column}),o.values.map((m,f)=>{const w=o.deltas[f],_=o.better[f];return n("td",{class:`num ${_===!0?"better":_===!1?"worse":""}`,children:[Le(m),w!=null&&w!==0?n("span",{class:"delta",children:[" (",Ze(w),")"]}):null]},f)})]},o.column))})]})}),n(br,{feed:u,rows:t.experiments.map(o=>({id:o.id,label:o.name??o.sha?.slice(0,7)??o.id,live:o.kind==="LIVE"&&(o.status==="RUNNING"||o.status==="QUEUED"),metricNames:o.metricNames}))}),n("div",{class:"plots","data-testid":"plots",children:[t.plots.map(o=>n(Sr,{plot:o,feed:a?u:null},o.id)),t.plots.length===0?n("p",{class:"muted",children:"These rows have no plots."}):null]}),t.plotErrors.length?n("ul",{class:"plot-errors",children:t.plotErrors.map((o,m)=>n("li",{class:"sync-error",children:[o.revision,": ",o.plot??"all plots",": ",o.message]},m))}):null]}):null]})}function Sr(e){const{plot:t}=e,[r,s]=S(null);return t.kind==="IMAGE"?n($r,{plot:t}):n("figure",{class:"plot","data-testid":"plot","data-plot":t.id,"data-rows":r??void 0,children:[n("figcaption",{children:t.id}),n(Zt,{spec:t.spec,live:e.feed?{feed:e.feed,plot:t.id,onRows:s}:null})]})}function kr(e){const t=new Map;for(const r of e){if(typeof r!="object"||r===null)continue;const{rev:s,step:i}=r;typeof i=="number"&&t.set(s,Math.max(t.get(s)??-1/0,i))}return t}function $r(e){const{plot:t}=e,r=[...new Set(t.images.map(u=>u.step).filter(u=>u!==null))].sort((u,a)=>u-a),[s,i]=S(r.length-1),c=r[Math.min(Math.max(s,0),r.length-1)],l=[...new Set(t.images.map(u=>u.revision))].map(u=>{const a=t.images.filter(g=>g.revision===u);if(c===void 0)return a[a.length-1];const h=a.filter(g=>g.step===null||g.step<=c);return h[h.length-1]??a[0]}).filter(u=>u!==void 0);return n("figure",{class:"plot","data-testid":"plot","data-plot":t.id,children:[n("figcaption",{children:t.id}),r.length>1?n("label",{class:"step-slider",children:["Step ",c,n("input",{type:"range",min:0,max:r.length-1,value:s,onInput:u=>i(Number(u.currentTarget.value)),"data-testid":"step-slider"})]}):null,n("div",{class:"images",children:l.map(u=>n("img",{src:u.url,alt:`${t.id} of ${u.revision}${u.step!==null?` at step ${u.step}`:""}`,loading:"lazy"},u.url))})]})}function Zt(e){const t=ke(null),[r,s]=S("loading"),i=e.live??null;return L(()=>{const c=t.current;if(!c||e.spec==null)return;let d=null,l=!1,u=()=>{};const a=i?mr(e.spec):null;return Yt(c,a?a.spec:e.spec).then(h=>{if(l){h.finalize();return}if(d=h,s("ready"),!i||!a)return;const g=kr(a.rows);let o=a.rows.length;i.onRows(o),u=i.feed.listen(m=>{const f=(m.plotRows[i.plot]??[]).filter(w=>{if(typeof w!="object"||w===null)return!1;const{rev:_}=w,p=g.get(_);return p===void 0||m.step>p});if(f.length!==0){for(const w of f)g.set(w.rev,m.step);o+=f.length,i.onRows(o),h.insert(a.dataset,f)}})}).catch(h=>s(h instanceof Error?h.message:String(h))),()=>{l=!0,u(),d?.finalize()}},[e.spec,i?.feed]),n("div",{class:"chart-wrap","data-state":r==="loading"||r==="ready"?r:"error",children:[n("div",{ref:t,class:"chart","data-testid":"chart"}),r!=="loading"&&r!=="ready"?n("p",{class:"sync-error",children:r}):null]})}const Ir=[{op:"EQ",label:"="},{op:"NE",label:"≠"},{op:"GT",label:">"},{op:"GTE",label:"≥"},{op:"LT",label:"<"},{op:"LTE",label:"≤"},{op:"CONTAINS",label:"contains"},{op:"EXISTS",label:"exists"}],Er=[{field:"BRANCH",label:"Branch"},{field:"AUTHOR",label:"Author"},{field:"MESSAGE",label:"Message"},{field:"COMMITTED_AT",label:"Created"}],xr={branch:"",onBranch:"",tag:"",detached:"",author:"",message:""};function en(e){const t=e.filter(s=>s.kind==="METRIC").map(s=>s.id),r=e.filter(s=>s.kind==="PARAM").map(s=>s.id);return t.length+r.length<=40?[...t,...r]:[...t.slice(0,20),...r.slice(0,20)]}function $t(e){return{columns:en(e.columns),sort:null,git:{...xr},conditions:[],showHidden:!1,groupByBranch:!0,baselineId:null,baseline:null,deltas:!1,viewGoals:{},view:null}}function ve(e){const t={},r=e.git;r.branch&&(t.branch=r.branch),r.onBranch&&(t.onBranch=r.onBranch),r.tag&&(t.tag=r.tag),r.detached&&(t.detached=r.detached==="only"),r.author.trim()&&(t.author=r.author.trim()),r.message.trim()&&(t.message=r.message.trim());const s=e.conditions.filter(i=>i.column);return s.length&&(t.columns=s),e.showHidden&&(t.includeHidden=!0),t}function Ae(e){return e?e.key.startsWith("field:")?[{field:e.key.slice(6),direction:e.direction}]:[{column:e.key,direction:e.direction}]:null}function It(e){return(e.sort===null||e.sort.key==="field:COMMITTED_AT")&&e.conditions.length===0&&!e.git.author.trim()&&!e.git.message.trim()}function _e(e){return typeof e=="string"?e:""}function Et(e,t,r,s=[]){const i=new Set(t.columns.map(o=>o.id)),c=e.filter??{},l=(Array.isArray(e.order)?e.order:[])[0];let u=null;if(l){const o=l.direction==="ASC"?"ASC":"DESC";typeof l.column=="string"&&l.column?u={key:l.column,direction:o}:typeof l.field=="string"&&l.field&&(u={key:"field:"+l.field,direction:o})}const a=c.detached===!0?"only":c.detached===!1?"none":"",h={};for(const o of s)o.goal&&(h[o.column]=o.goal);const g=e.columns.filter(o=>i.has(o));return{...r,columns:g.length?g:en(t.columns),sort:u,git:{branch:_e(c.branch),onBranch:_e(c.onBranch),tag:_e(c.tag),detached:a,author:_e(c.author),message:_e(c.message)},conditions:Array.isArray(c.columns)?c.columns:[],showHidden:e.includeHidden,baselineId:e.baseline?.id??null,baseline:null,deltas:r.deltas&&e.baseline!==null,viewGoals:h,view:e.name}}function Cr(e,t){const r=new Map;for(const s of e.columnGoals)s.goal&&r.set(s.column,s.goal);for(const[s,i]of Object.entries(t.viewGoals))r.set(s,i);return r}function tn(e){const t=e.trim();if(t==="")return null;try{return JSON.parse(t)}catch{return t}}function Tr(e,t){const r=new URLSearchParams;r.set("filter",JSON.stringify(ve(t)));const s=Ae(t.sort);s&&r.set("orderBy",JSON.stringify(s));for(const i of t.columns)r.append("columns",i);return`/api/projects/${e}/experiments.csv?${r.toString()}`}function Rr(e){const{project:t,state:r,update:s}=e,i=a=>s({git:{...r.git,...a}}),c=t.branches.filter(a=>r.showHidden||!a.hidden),d=r.conditions,l=(a,h)=>s({conditions:d.map((g,o)=>o===a?{...g,...h}:g)}),u=d.length+Object.values(r.git).filter(a=>a!=="").length;return n("details",{class:"panel","data-testid":"filters",children:[n("summary",{children:["Filters",u?` (${u})`:""]}),n("div",{class:"panel-body",children:[n("fieldset",{children:[n("legend",{children:"Git"}),n("label",{children:["Branch",n("select",{value:r.git.branch,onChange:a=>i({branch:a.currentTarget.value}),"data-testid":"filter-branch",children:[n("option",{value:"",children:"any"}),c.map(a=>n("option",{value:a.name,children:a.name},a.name))]})]}),n("label",{children:["Commits on branch",n("select",{value:r.git.onBranch,onChange:a=>i({onBranch:a.currentTarget.value}),children:[n("option",{value:"",children:"any"}),c.map(a=>n("option",{value:a.name,children:a.name},a.name))]})]}),n("label",{children:["Tag",n("select",{value:r.git.tag,onChange:a=>i({tag:a.currentTarget.value}),children:[n("option",{value:"",children:"any"}),t.tags.map(a=>n("option",{value:a.name,children:a.name},a.name))]})]}),n("label",{children:["Detached",n("select",{value:r.git.detached,onChange:a=>i({detached:a.currentTarget.value}),children:[n("option",{value:"",children:"shown"}),n("option",{value:"only",children:"only"}),n("option",{value:"none",children:"left out"})]})]}),n("label",{children:["Author",n("input",{type:"search",value:r.git.author,onChange:a=>i({author:a.currentTarget.value})})]}),n("label",{children:["Message",n("input",{type:"search",value:r.git.message,onChange:a=>i({message:a.currentTarget.value})})]})]}),n("fieldset",{children:[n("legend",{children:"Values"}),d.map((a,h)=>n("div",{class:"condition","data-testid":"condition",children:[n("label",{children:[n("span",{class:"sr-only",children:["Column of condition ",h+1]}),n("select",{value:a.column,onChange:g=>l(h,{column:g.currentTarget.value}),children:t.columns.map(g=>n("option",{value:g.id,children:g.id},g.id))})]}),n("label",{children:[n("span",{class:"sr-only",children:["Operator of condition ",h+1]}),n("select",{value:a.op,onChange:g=>l(h,{op:g.currentTarget.value}),children:Ir.map(g=>n("option",{value:g.op,children:g.label},g.op))})]}),a.op!=="EXISTS"?n("label",{children:[n("span",{class:"sr-only",children:["Value of condition ",h+1]}),n("input",{type:"text",value:a.value===null||a.value===void 0?"":typeof a.value=="string"?a.value:JSON.stringify(a.value),onChange:g=>l(h,{value:tn(g.currentTarget.value)})})]}):null,n("button",{type:"button","aria-label":`Remove condition ${h+1}`,onClick:()=>s({conditions:d.filter((g,o)=>o!==h)}),children:"✕"})]},h)),n("button",{type:"button",disabled:t.columns.length===0,onClick:()=>{const a=t.columns.find(h=>h.kind==="METRIC")??t.columns[0];a&&s({conditions:[...d,{column:a.id,op:"GT",value:null}]})},children:"Add condition"})]}),u?n("button",{type:"button",onClick:()=>s({conditions:[],git:{branch:"",onBranch:"",tag:"",detached:"",author:"",message:""}}),children:"Clear filters"}):null]})]})}function jr(e){const{project:t,state:r,update:s}=e,[i,c]=S(""),d=new Set(r.columns),l=new Map(t.columnGoals.map(f=>[f.column,f.goal])),u=(f,w)=>{const _=[...r.columns],p=_.indexOf(f),v=p+w;p<0||v<0||v>=_.length||([_[p],_[v]]=[_[v],_[p]],s({columns:_}))},a=(f,w)=>s({columns:w?[...r.columns,f]:r.columns.filter(_=>_!==f)}),h=(f,w)=>{const _={};for(const[p,v]of Object.entries(r.viewGoals))p!==f&&(_[p]=v);(w==="HIGHER"||w==="LOWER")&&(_[f]=w),s({viewGoals:_})},g=i.trim().toLowerCase(),o=new Map(t.columns.map(f=>[f.id,f])),m=[...r.columns.map(f=>o.get(f)).filter(f=>f!==void 0),...t.columns.filter(f=>!d.has(f.id))].filter(f=>!g||f.id.toLowerCase().includes(g));return n("details",{class:"panel","data-testid":"columns-chooser",children:[n("summary",{children:["Columns (",r.columns.length,"/",t.columns.length,")"]}),n("div",{class:"panel-body columns-body",children:[n("div",{class:"row-controls",children:[n("label",{children:["Find",n("input",{type:"search",value:i,onInput:f=>c(f.currentTarget.value)})]}),n("button",{type:"button",onClick:()=>s({columns:t.columns.map(f=>f.id)}),children:"Show all"}),n("button",{type:"button",onClick:()=>s({columns:[]}),children:"Hide all"}),e.saveProjectGoals&&Object.keys(r.viewGoals).length?n("button",{type:"button",onClick:e.saveProjectGoals,"data-testid":"save-project-goals",children:"Make these goals the project's"}):null]}),n("ul",{class:"columns-list",children:m.map(f=>{const w=d.has(f.id),_=r.viewGoals[f.id]??"";return n("li",{"data-testid":"column-option","data-column":f.id,children:[n("label",{class:"grow",children:[n("input",{type:"checkbox",checked:w,onChange:p=>a(f.id,p.currentTarget.checked)}),n("span",{class:`kind kind-${f.kind.toLowerCase()}`,children:f.kind==="METRIC"?"M":"P"})," ",f.id]}),n("label",{children:[n("span",{class:"sr-only",children:["Goal of ",f.id]}),n("select",{value:_,onChange:p=>h(f.id,p.currentTarget.value),children:[n("option",{value:"",children:l.get(f.id)?`project: ${(l.get(f.id)??"").toLowerCase()}`:"no goal"}),n("option",{value:"HIGHER",children:"higher is better"}),n("option",{value:"LOWER",children:"lower is better"})]})]}),n("button",{type:"button",disabled:!w,"aria-label":`Move ${f.id} left`,onClick:()=>u(f.id,-1),children:"↑"}),n("button",{type:"button",disabled:!w,"aria-label":`Move ${f.id} right`,onClick:()=>u(f.id,1),children:"↓"})]},f.id)})})]})]})}function Ar(e){const[t,r]=S(""),[s,i]=S(!1),[c,d]=S(null),l=e.views.find(u=>u.name===e.current)??null;return n("div",{class:"views","data-testid":"views",children:[n("label",{children:["View",n("select",{value:e.current??"","data-testid":"view-select",onChange:u=>e.pick(u.currentTarget.value||null),children:[n("option",{value:"",children:"(none)"}),e.views.map(u=>n("option",{value:u.name,children:[u.name,u.shared?" (shared)":""]},u.id))]})]}),l?n("button",{type:"button",onClick:()=>{e.remove(l).then(d)},children:"Delete view"}):null,e.signedIn?n("form",{class:"save-view",onSubmit:u=>{u.preventDefault();const a=t.trim()||e.current||"";if(!a){d("Name the view");return}e.save(a,s).then(h=>{d(h??`Saved “${a}”`),h||r("")})},children:[n("label",{children:["Save as",n("input",{type:"text",value:t,placeholder:e.current??"view name",onInput:u=>r(u.currentTarget.value),"data-testid":"view-name"})]}),n("label",{children:[n("input",{type:"checkbox",checked:s,onChange:u=>i(u.currentTarget.checked)})," shared"]}),n("button",{type:"submit",children:"Save view"})]}):null,c?n("span",{class:"muted",role:"status",children:c}):null]})}function Mr(e){const t=[];if(typeof e!="object"||e===null)return t;for(const[r,s]of Object.entries(e)){const i=typeof s=="object"&&s!==null&&"data"in s?s.data:s,c=(d,l)=>{if(typeof d=="object"&&d!==null&&!Array.isArray(d))for(const[u,a]of Object.entries(d))c(a,l?`${l}.${u}`:u);else l&&t.push({file:r,path:l,value:d})};c(i,"")}return t}function xt(e){return typeof e=="string"?e:Le(e)}function Pr(e){const[t,r]=S(null),[s,i]=S(""),[c,d]=S({}),[l,u]=S("BRANCH"),[a,h]=S(""),[g,o]=S(""),[m,f]=S(null),[w,_]=S(!1);L(()=>{N(Ln,{id:e.rowId}).then(k=>{const C=k.node;!C||!("params"in C)||(r(Mr(C.params)),i(C.commit?.branches[0]??C.commit?.sha??C.sha??""))}).catch(k=>f(k instanceof Error?k.message:String(k)))},[e.rowId]);const p=k=>`${k.file}\0${k.path}`,v=(t??[]).filter(k=>p(k)in c&&c[p(k)]!==xt(k.value)).map(k=>({file:k.file,path:k.path,value:tn(c[p(k)]??"")})),$=async()=>{_(!0);try{const C=(await N(Bn,{input:{projectId:e.projectId,baseRev:s,paramChanges:v,target:l,branch:a.trim()||null,message:g.trim()||null}})).runExperiment,H=C.errors[0];if(H)f(`${H.code}: ${H.message}`);else{const W=C.pullRequest;f(`Committed ${C.commit?.sha.slice(0,7)??""}${C.branch?` on ${C.branch}`:""}${W?`, pull request #${W.number}`:""}`)}}catch(k){f(k instanceof Error?k.message:String(k))}finally{_(!1)}};return n("section",{class:"compare","aria-labelledby":"run-title","data-testid":"run-panel",children:[n("div",{class:"compare-head",children:[n("h2",{id:"run-title",children:["Run an experiment from ",e.label]}),n("button",{type:"button",onClick:e.onClose,children:"Close"})]}),t===null?n("p",{class:"muted",children:"Loading params…"}):null,t?n("form",{onSubmit:k=>{k.preventDefault(),$()},children:[n("div",{class:"params-grid",children:t.map(k=>n("label",{class:"param","data-testid":"param","data-file":k.file,"data-path":k.path,children:[n("span",{class:"muted small",children:k.file})," ",k.path,n("input",{type:"text",value:c[p(k)]??xt(k.value),onInput:C=>d({...c,[p(k)]:C.currentTarget.value})})]},p(k)))}),n("fieldset",{children:[n("legend",{children:"Where the commit goes"}),n("label",{children:["Base",n("input",{type:"text",value:s,onInput:k=>i(k.currentTarget.value),required:!0})]}),n("label",{children:["Target",n("select",{value:l,onChange:k=>u(k.currentTarget.value),"data-testid":"run-target",children:[n("option",{value:"COMMIT",children:"commit onto the branch"}),n("option",{value:"BRANCH",children:"a new branch"}),n("option",{value:"PULL_REQUEST",children:"a new branch and a pull request"})]})]}),n("label",{children:["Branch",n("input",{type:"text",value:a,onInput:k=>h(k.currentTarget.value),"data-testid":"run-branch"})]}),n("label",{children:["Message",n("input",{type:"text",value:g,onInput:k=>o(k.currentTarget.value)})]}),n("button",{type:"submit",class:"primary",disabled:w||v.length===0,"data-testid":"run-submit",children:["Run (",v.length," changed)"]})]})]}):null,m?n("p",{class:"notice",role:"status","data-testid":"run-result",children:m}):null]})}function Nr(e){const[t,r]=S(null),[s,i]=S(null),c=async()=>{const u=(await N(Un,{projectId:e.projectId,state:null})).node;r(u&&"pullRequests"in u?u.pullRequests:[])};L(()=>{c().catch(l=>i(l instanceof Error?l.message:String(l)))},[e.projectId]);const d=async(l,u)=>{try{const a={pullRequestId:l.id},g=(u?(await N(Vn,{input:a})).mergePullRequest:(await N(Fn,{input:a})).closePullRequest).errors[0];i(g?`${g.code}: ${g.message}`:`#${l.number} ${u?"merged":"closed"}`),await c()}catch(a){i(a instanceof Error?a.message:String(a))}};return n("section",{class:"compare","aria-labelledby":"prs-title","data-testid":"pull-requests",children:[n("div",{class:"compare-head",children:[n("h2",{id:"prs-title",children:"Pull requests"}),n("button",{type:"button",onClick:e.onClose,children:"Close"})]}),s?n("p",{class:"muted",role:"status",children:s}):null,t===null?n("p",{class:"muted",children:"Loading…"}):t.length===0?n("p",{class:"muted",children:"No pull requests."}):n("table",{class:"projects",children:[n("thead",{children:n("tr",{children:[n("th",{scope:"col",children:"#"}),n("th",{scope:"col",children:"Title"}),n("th",{scope:"col",children:"Branches"}),n("th",{scope:"col",children:"State"}),n("th",{scope:"col",children:"Opened"}),n("th",{scope:"col",children:n("span",{class:"sr-only",children:"Actions"})})]})}),n("tbody",{children:t.map(l=>n("tr",{"data-testid":"pull-request","data-number":l.number,children:[n("td",{children:l.url?n("a",{href:l.url,children:["#",l.number]}):`#${l.number}`}),n("th",{scope:"row",children:l.title}),n("td",{children:[l.sourceBranch," → ",l.targetBranch]}),n("td",{children:[l.state.toLowerCase(),l.state==="OPEN"&&l.mergeable===!1?` (conflicts: ${l.conflicts.join(", ")})`:""]}),n("td",{children:[oe(l.createdAt)," by ",l.createdBy]}),n("td",{children:l.state==="OPEN"&&l.forge===null?n(ne,{children:[n("button",{type:"button",disabled:l.mergeable===!1,onClick:()=>{d(l,!0)},children:["Merge #",l.number]})," ",n("button",{type:"button",onClick:()=>{d(l,!1)},children:["Close #",l.number]})]}):null})]},l.id))})]})]})}const Dr=200;function Hr(e){const{project:t}=e,r=t.columns.filter(o=>o.kind==="METRIC"&&o.type==="number"),s=t.branches.filter(o=>!o.hidden),[i,c]=S(t.defaultBranch??s[0]?.name??""),[d,l]=S(r[0]?.id??""),[u,a]=S(null),[h,g]=S(null);return L(()=>{if(!i||!d)return;let o=!1;return a(null),N(ir,{projectId:t.id,branch:i,columns:[d],first:Dr}).then(m=>{const f=m.node;if(o||!f||!("trends"in f))return;const w=f.trends.filter(_=>typeof _.values[0]=="number").map(_=>({committedAt:_.committedAt,value:_.values[0],sha:_.sha.slice(0,7),message:_.message}));a({$schema:"https://vega.github.io/schema/vega-lite/v6.json",title:`${je(d)} on ${i}`,width:560,height:220,data:{values:w},mark:{type:"line",point:!0,tooltip:!0},encoding:{x:{field:"committedAt",type:"temporal",title:"committed"},y:{field:"value",type:"quantitative",title:je(d),scale:{zero:!1}},tooltip:[{field:"sha",title:"commit"},{field:"message",title:"message"},{field:"value",title:je(d)}]}}),g(null)}).catch(m=>{o||g(m instanceof Error?m.message:String(m))}),()=>{o=!0}},[t.id,i,d]),n("section",{class:"compare","aria-labelledby":"trends-title","data-testid":"trends-panel",children:[n("div",{class:"compare-head",children:[n("h2",{id:"trends-title",children:"Trends"}),n("label",{children:["Branch",n("select",{value:i,onChange:o=>c(o.currentTarget.value),children:s.map(o=>n("option",{value:o.name,children:o.name},o.name))})]}),n("label",{children:["Metric",n("select",{value:d,onChange:o=>l(o.currentTarget.value),children:r.map(o=>n("option",{value:o.id,children:o.id},o.id))})]}),n("button",{type:"button",onClick:e.onClose,children:"Close trends"})]}),h?n("p",{class:"sync-error",children:h}):null,r.length===0?n("p",{class:"muted",children:"This project has no numeric metric."}):null,u?n(Zt,{spec:u}):null]})}const Or=9e4,qr=500,Lr=20;function Br(e,t,r){const s=4+e,i=s+2+(t?1+Lr*s:0),c=Math.floor(Or/i);return Math.max(5,Math.min(r?100:qr,c))}function Ur(e,t){const{commit:r,...s}=e,i={...s,committedAt:r?.committedAt,branches:r?.branches};return t&&e.kind==="COMMIT"&&(i.children=r?.experiments?[...r.experiments]:[]),i}class Vr{query;segments;onChange;stopped=!1;itemsCache=null;collapsedBranches;collapsedRows;includeHidden;constructor(t,r,s,i={branches:new Set,rows:new Set}){this.collapsedBranches=i.branches,this.collapsedRows=i.rows,this.query=t,this.segments=r,this.onChange=s,this.includeHidden=!!t.filter.includeHidden}stop(){this.stopped=!0}isStopped(){return this.stopped}changed(){this.itemsCache=null,this.stopped||this.onChange()}async load(t){if(!(t.loading||!t.hasNext&&t.total!==null||this.stopped)){t.loading=!0;try{const r={projectId:this.query.projectId,filter:t.filter,orderBy:this.query.orderBy,first:Br(this.query.columns.length,this.query.nested,t.total===null),after:t.cursor,columns:this.query.columns},s=this.query.nested?await N(Xn,r):await N(Jn,r);if(this.isStopped())return;const i=s.node;if(!i||!("experiments"in i))throw new Error("the project is gone");const c=i.experiments,d=new Set(t.rows.map(l=>l.id));for(const l of c.nodes)d.has(l.id)||t.rows.push(Ur(l,this.query.nested));t.total=Math.max(c.totalCount,t.rows.length),t.cursor=c.pageInfo.endCursor,t.hasNext=c.pageInfo.hasNextPage,t.hasNext||(t.total=t.rows.length),t.error=null}catch(r){t.error=r instanceof Error?r.message:String(r),t.hasNext=!1,t.total=t.rows.length}finally{t.loading=!1,this.changed()}}}items(){if(this.itemsCache)return this.itemsCache;const t=[];for(const r of this.segments){if(r.key==="detached"&&r.total===0||r.label!==null&&(t.push({t:"branch",key:"b:"+r.key,seg:r}),this.collapsedBranches.has(r.key)))continue;for(const i of r.rows)if(!(!this.includeHidden&&i.hidden)&&(t.push({t:"row",key:r.key+":"+i.id,row:i,seg:r,depth:0}),i.children&&!this.collapsedRows.has(i.id)))for(const c of i.children)!this.includeHidden&&c.hidden||t.push({t:"child",key:r.key+":"+i.id+":"+c.id,row:c,parent:i,depth:1});const s=r.total===null?1:r.error?0:r.total-r.rows.length;for(let i=0;i<s;i++)t.push({t:"more",key:`m:${r.key}:${i}`,seg:r})}return this.itemsCache=t,t}*places(t){for(const r of this.segments)for(let s=0;s<r.rows.length;s++){const i=r.rows[s];if(i&&(i.id===t&&(yield{list:r.rows,index:s}),i.children)){const c=i.children.findIndex(d=>d.id===t);c>=0&&(yield{list:i.children,index:c})}}}upsert(t,r){let s=!1;for(const{list:i,index:c}of this.places(t.id)){const d=i[c];d&&(i[c]={...d,...t}),s=!0}return!s&&r&&(s=this.place(t)),s&&this.changed(),s}place(t){if(this.query.nested&&t.kind!=="COMMIT"){let s=!1;for(const c of this.segments)for(const d of c.rows)d.kind==="COMMIT"&&d.sha&&d.sha===t.baselineSha&&d.children&&(d.children.unshift({...t}),s=!0);if(s)return!0;const i=this.segments.find(c=>c.key==="detached");return t.detached&&i?(i.rows.unshift({...t}),i.total=(i.total??0)+1,!0):!1}const r=this.segments[0];return!r||this.query.nested?!1:(r.rows.unshift({...t}),r.total!==null&&(r.total+=1),!0)}patch(t,r){let s=!1;for(const{list:i,index:c}of this.places(t)){const d=i[c];d&&(i[c]={...d,...r}),s=!0}s&&this.changed()}remove(t){let r=!1;for(const s of this.segments){const i=s.rows.length;s.rows=s.rows.filter(c=>c.id!==t),s.rows.length!==i&&(r=!0,s.total!==null&&(s.total-=i-s.rows.length));for(const c of s.rows)c.children?.some(d=>d.id===t)&&(c.children=c.children.filter(d=>d.id!==t),r=!0)}r&&this.changed()}find(t){for(const{list:r,index:s}of this.places(t))return r[s]??null;return null}}const Me=32,Ct=12,Fr=60,Tt=2500;function Gr(e,t,r){const s=ve(t),i=(u,a,h,g)=>({key:u,label:a,branch:h,filter:g,rows:[],total:null,cursor:null,hasNext:!0,loading:!1,error:null});if(!r)return[i("all",null,null,s)];const c={...s,kinds:["COMMIT"]};if(s.detached===!0)return[i("detached","Detached runs",null,s)];if(s.branch)return[i("branch:"+s.branch,s.branch,s.branch,c)];if(s.onBranch)return[i("on:"+s.onBranch,`commits on ${s.onBranch}`,null,c)];if(s.tag)return[i("tag:"+s.tag,`tag ${s.tag}`,null,c)];const l=e.branches.filter(u=>!u.folded&&(t.showHidden||!u.hidden)).sort((u,a)=>u.name===e.defaultBranch?-1:a.name===e.defaultBranch?1:u.name<a.name?-1:1).map(u=>i("branch:"+u.name,u.name,u.name,{...c,branch:u.name}));return s.detached!==!1&&l.push(i("detached","Detached runs",null,{...s,detached:!0})),l}function nn(e){return e.kind==="COMMIT"?e.sha?.slice(0,7)??String(e.databaseId):e.name??(e.kind==="LIVE"?`live run ${e.databaseId}`:e.sha?.slice(0,7)??String(e.databaseId))}const Rt=new WeakMap;function jt(e){let t=Rt.get(e);return t||(t=new Map(e.values.map(r=>[r.column,r.value])),Rt.set(e,t)),t}async function At(e,t){try{const s=(await N(Wn,{projectId:e,name:t})).node;return s&&"view"in s?s.view?.goals??[]:[]}catch{return[]}}function Wr(e){return typeof e=="object"&&e!==null&&"databaseId"in e&&"values"in e}function zr(e){return(e??"").split(`
`,1)[0]??""}const Jr=[36,250,124,120,120,240,140],Xr=116,Kr=84;function Qr(e){const t=[...Jr,...e.map(()=>Xr),Kr];return{grid:t.map(r=>`${r}px`).join(" "),width:t.reduce((r,s)=>r+s,0)}}function Yr(e){fe(e.name);const[t,r]=S(null),[s,i]=S(!1),[c,d]=S(null),[l,u]=S(null),[a,h]=S(null),[,g]=S(0),[o,m]=S(new Set),[f,w]=S(null),[_,p]=S(null),[v,$]=S(!1),[k,C]=S(null),[H,W]=S(!1),U=ke(new Map),X=ke({branches:new Set,rows:new Set}),V=gt(async()=>{try{const b=await N(Gn,{name:e.name,includeHidden:!0});return b.project?(r(b.project),b.project):(i(!0),null)}catch(b){return b instanceof he&&(b.has("UNAUTHENTICATED")||b.has("FORBIDDEN")||b.has("NOT_FOUND"))?i(!0):d(b),null}},[e.name]);L(()=>{V().then(b=>{if(!b)return;const E=$t(b),R=new URLSearchParams(location.search).get("view"),P=R?b.views.find(q=>q.name===R):void 0;if(!P){u(E);return}At(b.id,P.name).then(q=>u(Et(P,b,E,q)))})},[V]);const z=l?l.groupByBranch&&It(l):!1,se=l&&t?JSON.stringify([t.id,ve(l),Ae(l.sort),l.columns,z,t.branches]):null;L(()=>{if(!t||!l||se===null)return;const b=new Vr({projectId:t.id,filter:ve(l),orderBy:Ae(l.sort),columns:l.columns,nested:z},Gr(t,l,z),()=>g(E=>E+1),X.current);return h(b),()=>b.stop()},[se]),L(()=>{a&&(a.includeHidden=!!l?.showHidden),a?.changed()},[a,l?.showHidden]),L(()=>{if(!a||!t)return;const b={projectId:t.id,columns:a.query.columns},E=Object.keys(a.query.filter).every(J=>J==="includeHidden"),R=a.query.nested||E&&a.query.orderBy===null,P=J=>{U.current.set(J,Date.now()+Tt),setTimeout(()=>{const Y=U.current.get(J);Y!==void 0&&Y<=Date.now()&&(U.current.delete(J),a.changed())},Tt+50)},q=Ke(tr,b,J=>{const Y=J.experimentEvents;if(Y.change==="REMOVED"||!Y.experiment){a.remove(Y.experimentId);return}a.upsert(Y.experiment,R)&&P(Y.experimentId)}),le=Ke(nr,b,J=>{const Y=J.liveMetrics;a.upsert(Y.experiment,R)&&P(Y.experimentId)});return()=>{q(),le()}},[a,t]);const Q=l?.baselineId??null,T=l?JSON.stringify(l.columns):"";L(()=>{if(!Q||!l)return;let b=!1;return N(zn,{id:Q,columns:l.columns}).then(E=>{const R=E.node;if(b||!Wr(R))return;const P=R;u(q=>q&&q.baselineId===Q?{...q,baseline:P}:q)}).catch(E=>w(E instanceof Error?E.message:String(E))),()=>{b=!0}},[Q,T]);const y=gt(b=>{u(E=>E&&{...E,...b,view:"view"in b?b.view??null:E.view})},[]),I=l?.viewGoals,x=Ie(()=>t&&l?Cr(t,l):new Map,[t,I]);if(s)return n(Qt,{what:`Project “${e.name}”`,signedIn:e.session!==null});if(c)return n(Ee,{error:c});if(!t||!l||!a)return n("p",{class:"muted",children:["Loading ",e.name,"…"]});const M=e.session!==null,O=async b=>{const E=t.views.find(q=>q.name===b),R=new URLSearchParams(location.search);if(E){const q=await At(t.id,E.name);u(Et(E,t,l,q)),R.set("view",E.name)}else u({...$t(t),view:null}),R.delete("view");const P=R.toString();Ye(location.pathname+(P?"?"+P:""),!0)},A=async(b,E)=>{try{const R=await N(Yn,{input:{projectId:t.id,name:b,shared:E,columns:l.columns,filter:ve(l),order:Ae(l.sort),baseline:l.baselineId,goals:Object.entries(l.viewGoals).map(([le,J])=>({column:le,goal:J})),includeHidden:l.showHidden}}),P=R.saveView.errors[0];if(P)return`${P.code}: ${P.message}`;const q=R.saveView.view;if(q){const le=[...t.views.filter(Y=>Y.id!==q.id),q];r({...t,views:le}),u({...l,view:q.name});const J=new URLSearchParams(location.search);J.set("view",q.name),Ye(location.pathname+"?"+J.toString(),!0)}return null}catch(R){return R instanceof Error?R.message:String(R)}},re=async()=>{try{for(const[b,E]of Object.entries(l.viewGoals)){const P=(await N(er,{input:{projectId:t.id,column:b,goal:E}})).setColumnGoal.errors[0];if(P){w(`${P.code}: ${P.message}`);return}}await V(),w("Goals saved for the project")}catch(b){w(b instanceof Error?b.message:String(b))}},ce=async b=>{try{const R=(await N(Zn,{input:{id:b.id}})).deleteView.errors[0];return R?`${R.code}: ${R.message}`:(r({...t,views:t.views.filter(P=>P.id!==b.id)}),await O(null),`Deleted “${b.name}”`)}catch(E){return E instanceof Error?E.message:String(E)}},ie=async(b,E,R)=>{try{const P={input:{projectId:t.id,ids:b,branches:E},columns:a.query.columns},q=R?(await N(Qn,P)).unhideRows:(await N(Kn,P)).hideRows,le=q.errors[0];if(le){w(`${le.code}: ${le.message}`);return}for(const J of q.experiments)a.patch(J.id,{hidden:J.hidden,autoHidden:J.autoHidden});E.length&&await V(),m(new Set),w(`${R?"Shown":"Hidden"}: ${b.length+E.length}`)}catch(P){w(P instanceof Error?P.message:String(P))}},Z=[...o].map(b=>a.find(b)).filter(b=>b!==null),F=It(l);return n("section",{class:"table-page","aria-labelledby":"table-title",children:[n("div",{class:"title-bar",children:[n("h1",{id:"table-title",children:t.name}),n("span",{class:"muted small",children:[t.visibility.toLowerCase()," · synced ",oe(t.lastSyncedAt)," ·"," ",n("span",{class:`badge sync-${t.syncState.toLowerCase()}`,children:t.syncState.toLowerCase()})]}),t.lastSyncError?n("span",{class:"sync-error",children:t.lastSyncError}):null,n("a",{class:"csv",href:Tr(t.databaseId,l),"data-testid":"csv-link",download:!0,children:"Export CSV"})]}),n("div",{class:"toolbar",role:"toolbar","aria-label":"Table",children:[n(Ar,{views:t.views,current:l.view,signedIn:M,pick:b=>{O(b)},save:A,remove:ce}),n(Rr,{project:t,state:l,update:y}),n(jr,{project:t,state:l,update:y,saveProjectGoals:M?()=>{re()}:void 0}),n("label",{title:F?"":"A sort by a value or a value filter lists rows flat",children:[n("input",{type:"checkbox",checked:l.groupByBranch&&F,disabled:!F,onChange:b=>y({groupByBranch:b.currentTarget.checked}),"data-testid":"group-toggle"})," ","Group by branch"]}),n("label",{children:[n("input",{type:"checkbox",checked:l.showHidden,onChange:b=>y({showHidden:b.currentTarget.checked}),"data-testid":"show-hidden"})," ","Show hidden"]}),n("button",{type:"button","aria-pressed":v,onClick:()=>$(!v),"data-testid":"trends-toggle",children:"Trends"}),n("button",{type:"button","aria-pressed":H,onClick:()=>W(!H),"data-testid":"pulls-toggle",children:"Pull requests"}),n("label",{children:[n("input",{type:"checkbox",checked:l.deltas,disabled:!l.baseline,onChange:b=>y({deltas:b.currentTarget.checked}),"data-testid":"delta-mode"})," ","Deltas"]})]}),n("div",{class:"selection-bar","aria-live":"polite",children:[n("span",{children:o.size?`${o.size} selected`:"Select rows to hide them or to use one as the baseline."}),o.size?n(ne,{children:[n("button",{type:"button",disabled:!M,onClick:()=>{ie([...o],[],!1)},children:"Hide selected"}),n("button",{type:"button",disabled:!M,onClick:()=>{ie([...o],[],!0)},children:"Unhide selected"}),n("button",{type:"button",disabled:Z.length!==1,onClick:()=>y({baseline:Z[0]??null,baselineId:Z[0]?.id??null}),"data-testid":"set-baseline",children:"Use as baseline"}),n("button",{type:"button",disabled:!M||Z.length!==1,onClick:()=>C(Z[0]??null),"data-testid":"run-experiment",children:"Run experiment"}),n("button",{type:"button",disabled:o.size>100,onClick:()=>p([...o]),"data-testid":"compare",children:"Compare"}),n("button",{type:"button",onClick:()=>m(new Set),children:"Clear selection"})]}):null,l.baseline?n("button",{type:"button",onClick:()=>y({baseline:null,baselineId:null,deltas:!1}),children:"Clear baseline"}):null,f?n("span",{class:"muted",role:"status",children:f}):null]}),k?n(Pr,{projectId:t.id,rowId:k.id,label:nn(k),onClose:()=>C(null)}):null,H?n(Nr,{projectId:t.id,onClose:()=>W(!1)}):null,v?n(Hr,{project:t,onClose:()=>$(!1)}):null,_?n(wr,{projectId:t.id,ids:_,baselineId:l.baselineId,onClose:()=>p(null)}):null,n(Zr,{project:t,model:a,state:l,goals:x,selected:o,flash:U.current,signedIn:M,onSelect:(b,E)=>{const R=new Set(o);E?R.add(b):R.delete(b),m(R)},onSort:b=>{const E=l.sort,R=E?.key!==b?{key:b,direction:"DESC"}:E.direction==="DESC"?{key:b,direction:"ASC"}:null;y({sort:R})},onHide:(b,E)=>{ie([b.id],[],E)},onHideBranch:(b,E)=>{ie([],[b],E)}})]})}function Zr(e){const{model:t,state:r}=e,s=ke(null),[i,c]=S(0),[d,l]=S(600),u=t.items(),{grid:a,width:h}=Ie(()=>Qr(r.columns),[r.columns]);L(()=>{const p=s.current;if(!p)return;const v=new ResizeObserver(()=>l(p.clientHeight));return v.observe(p),l(p.clientHeight),()=>v.disconnect()},[]),L(()=>{s.current&&(s.current.scrollTop=0),c(0)},[t]);const g=Math.max(0,Math.floor(i/Me)-Ct),o=Math.min(u.length,Math.ceil((i+d)/Me)+Ct);L(()=>{const p=new Set,v=Math.min(u.length,o+Fr);for(let $=g;$<v;$++){const k=u[$];k?.t==="more"&&!k.seg.loading&&p.add(k.seg)}for(const $ of p)t.load($)});const m=r.baseline?2:1,f=[];for(let p=g;p<o;p++){const v=u[p];v&&f.push(n(es,{item:v,index:p,rowIndex:p+m+1,...e},v.key))}const w=p=>r.sort?.key===p?r.sort.direction==="ASC"?"ascending":"descending":"none",_=(p,v,$,k="")=>n("div",{role:"columnheader",class:`th ${k}`,"aria-sort":w(p),"data-testid":"column-header","data-column":p,children:n("button",{type:"button",class:"sort",title:$,onClick:()=>e.onSort(p),children:[n("span",{children:v}),n("span",{class:"arrow","aria-hidden":"true",children:w(p)==="ascending"?"▲":w(p)==="descending"?"▼":""})]})});return n("div",{class:"table-scroll",ref:s,role:"table","aria-label":`Experiments of ${e.project.name}`,"aria-rowcount":u.length+m,"data-testid":"experiments-table","data-nested":t.query.nested?"true":"false",onScroll:p=>c(p.currentTarget.scrollTop),style:{"--grid":a,"--table-w":`${h}px`},children:[n("div",{role:"rowgroup",class:"thead",children:[n("div",{role:"row",class:"tr head","aria-rowindex":1,children:[n("div",{role:"columnheader",class:"th sticky0",children:n("span",{class:"sr-only",children:"Select"})}),n("div",{role:"columnheader",class:"th sticky1",children:"Experiment"}),n("div",{role:"columnheader",class:"th",children:"Status"}),Er.map(p=>_("field:"+p.field,p.label,`Sort by ${p.label.toLowerCase()}`)),r.columns.map(p=>{const v=e.goals.get(p);return _(p,je(p),`${p}${v?` (${v.toLowerCase()} is better)`:""}`,p.startsWith("metric:")?"metric num":"param num")}),n("div",{role:"columnheader",class:"th",children:n("span",{class:"sr-only",children:"Actions"})})]}),r.baseline?n(rn,{row:r.baseline,depth:0,rowIndex:2,baseline:!0,...e,index:-1}):null]}),n("div",{role:"rowgroup",class:"tbody",style:{height:`${u.length*Me}px`},children:f}),u.length===0?n("p",{class:"empty muted",children:"No rows match."}):null]})}function es(e){const{item:t}=e,r={transform:`translateY(${e.index*Me}px)`};if(t.t==="branch"){const s=t.seg,i=e.model.collapsedBranches.has(s.key),c=s.total===null?"…":String(s.total),d=e.project.branches.some(l=>l.name===s.branch&&l.hidden);return n("div",{role:"row",class:"tr branch",style:r,"aria-rowindex":e.rowIndex,"data-testid":"branch-row","data-branch":s.branch??s.key,children:n("div",{role:"cell",class:"td span",children:[n("button",{type:"button",class:"twisty","aria-expanded":!i,"aria-label":`${i?"Expand":"Collapse"} ${s.label??""}`,onClick:()=>{i?e.model.collapsedBranches.delete(s.key):e.model.collapsedBranches.add(s.key),e.model.changed()},children:i?"▸":"▾"}),n("strong",{children:s.label}),n("span",{class:"muted small",children:[c," ",s.key==="detached"?"rows":"commits"]}),s.branch&&e.signedIn?n("button",{type:"button",class:"link",onClick:()=>e.onHideBranch(s.branch??"",d),"aria-label":`${d?"Unhide":"Hide"} branch ${s.branch}`,"data-testid":"hide-branch",children:d?"Unhide branch":"Hide branch"}):null,s.error?n("span",{class:"sync-error",children:s.error}):null]})})}return t.t==="more"?n("div",{role:"row",class:"tr more",style:r,"aria-rowindex":e.rowIndex,"data-testid":"placeholder-row",children:n("div",{role:"cell",class:"td span muted",children:t.seg.error??"Loading…"})}):n(rn,{...e,row:t.row,depth:t.depth,style:r})}class rn extends be{flashUntil=0;collapsed=!1;shouldComponentUpdate(t){const r=this.props;return r.row!==t.row||r.index!==t.index||r.rowIndex!==t.rowIndex||r.depth!==t.depth||r.state!==t.state||r.goals!==t.goals||r.selected!==t.selected||r.signedIn!==t.signedIn||r.baseline!==t.baseline||r.model!==t.model||this.flashUntil!==(t.flash.get(t.row.id)??0)||this.collapsed!==t.model.collapsedRows.has(t.row.id)}render(){return this.flashUntil=this.props.flash.get(this.props.row.id)??0,this.collapsed=this.props.model.collapsedRows.has(this.props.row.id),ts(this.props)}}function ts(e){const{row:t,state:r,model:s}=e,i=nn(t),c=jt(t),d=r.baseline?jt(r.baseline):null,l=e.baseline===!0||r.baseline?.id===t.id,u=(e.flash.get(t.id)??0)>Date.now(),a=s.collapsedRows.has(t.id),h=["tr",e.depth===1?"child":"",t.kind==="LIVE"?"live":"",t.status==="RUNNING"?"running":"",t.hidden?"hidden-row":"",e.selected.has(t.id)?"selected":"",u?"flash":"",e.baseline?"baseline":""].join(" ");return n("div",{role:"row",class:h,style:e.style,"aria-rowindex":e.rowIndex,"data-testid":e.baseline?"baseline-row":"row","data-row-id":t.id,"data-kind":t.kind,"data-status":t.status,"data-hidden":t.hidden?"true":"false",children:[n("div",{role:"cell",class:"td sticky0",children:n("input",{type:"checkbox","aria-label":`Select ${i}`,checked:e.selected.has(t.id),onChange:g=>e.onSelect(t.id,g.currentTarget.checked)})}),n("div",{role:"cell",class:"td sticky1 name","data-testid":"row-name",children:[e.depth===1?n("span",{class:"indent","aria-hidden":"true"}):null,t.children&&t.children.length>0&&!e.baseline?n("button",{type:"button",class:"twisty","aria-expanded":!a,"aria-label":`${a?"Show":"Hide"} the ${t.children.length} experiments of ${i}`,onClick:()=>{a?s.collapsedRows.delete(t.id):s.collapsedRows.add(t.id),s.changed()},children:a?"▸":"▾"}):n("span",{class:"twisty-space","aria-hidden":"true"}),n("span",{class:t.kind==="COMMIT"?"sha":"exp-name",title:t.sha??t.name??"",children:i}),l?n("span",{class:"chip base",children:"baseline"}):null,t.kind==="LIVE"?n("span",{class:"chip live-chip",children:["live",t.lastStep!==null?` · step ${t.lastStep}`:""]}):null,t.detached?n("span",{class:"chip",children:"detached"}):null,t.tags.slice(0,2).map(g=>n("span",{class:"chip tag",children:g},g))]}),n("div",{role:"cell",class:"td","data-testid":"status",children:n("span",{class:`status status-${t.status.toLowerCase()}`,children:t.status})}),n("div",{role:"cell",class:"td ellipsis",children:t.branches?.[0]??""}),n("div",{role:"cell",class:"td ellipsis",children:t.author?.name??""}),n("div",{role:"cell",class:"td ellipsis",title:t.message??"",children:zr(t.message)}),n("div",{role:"cell",class:"td ellipsis",title:oe(t.committedAt??t.createdAt),children:oe(t.committedAt??t.createdAt).replace(" UTC","")}),r.columns.map(g=>{const o=c.get(g),m=d?.get(g);let f=Le(o),w="td num",_;if(d&&!l&&typeof o=="number"&&typeof m=="number"){const p=o-m;r.deltas&&(f=Ze(p));const v=e.goals.get(g);if(v&&p!==0){const $=v==="HIGHER"?p>0:p<0;w+=$?" better":" worse",_=`${$?"better":"worse"} than the baseline (${Ze(p)})`}}return n("div",{role:"cell",class:w,title:_,"data-column":g,children:f},g)}),n("div",{role:"cell",class:"td actions",children:e.signedIn&&!e.baseline?n("button",{type:"button",class:"link","aria-label":`${t.hidden?"Unhide":"Hide"} ${i}`,onClick:()=>e.onHide(t,t.hidden),"data-testid":"hide-row",children:t.hidden?"Unhide":"Hide"}):null})]})}function ns(e){fe(e.model);const[t,r]=S(null),[s,i]=S(""),[c,d]=S(""),[l,u]=S(null),[a,h]=S(!1),[g,o]=S(null),[m,f]=S(null),[w,_]=S(!1),[p,v]=S(""),[$,k]=S(""),[C,H]=S(""),[W,U]=S(""),[X,V]=S("");if(L(()=>{N(Mn,{project:e.project,model:e.model}).then(y=>{if(!y.project?.model){h(!0);return}r(y.project.id),i(y.project.repoUrl),d(y.project.defaultBranch??""),u(y.project.model)}).catch(y=>{y instanceof he&&y.has("UNAUTHENTICATED")?h(!0):o(y)})},[e.project,e.model]),a)return n(Qt,{what:`Model “${e.model}” of “${e.project}”`,signedIn:e.session!==null});if(g)return n(Ee,{error:g});if(!l||!t)return n("p",{class:"muted",children:["Loading ",e.model,"…"]});const z=async(y,I)=>{_(!0);try{const x=await y(),M=x.errors[0];M?f(`${M.code}: ${M.message}`):(x.model&&u(x.model),f(`${I}${x.tag?` (tag ${x.tag})`:""}`))}catch(x){f(x instanceof Error?x.message:String(x))}finally{_(!1)}},se={projectId:t,model:l.name},Q=l.versions.filter(y=>y.registered),T=e.session!==null;return n("section",{"aria-labelledby":"model-title",children:[n("p",{class:"muted small",children:[n("a",{href:qe(e.project),children:e.project})," / models"]}),n("h1",{id:"model-title",children:[l.name," ",l.deprecated?n("span",{class:"chip",children:"deprecated"}):null]}),n("p",{class:"muted",children:[l.type??"model"," · ",l.path??"no path"," ",l.declaredIn?`· declared in ${l.declaredIn}`:""," · latest"," ",l.latestVersion?.version??"none"]}),l.description?n("p",{children:l.description}):null,l.registryError?n("div",{class:"notice error",children:l.registryError.message}):null,m?n("p",{class:"notice",role:"status","data-testid":"model-message",children:m}):null,n("h2",{children:"Stages"}),l.stages.length===0?n("p",{class:"muted",children:"No stage assigned."}):n("ul",{class:"stages","data-testid":"stages",children:l.stages.map(y=>n("li",{"data-stage":y.stage,children:[n("strong",{children:y.stage}),": ",y.versions.map(I=>I.version).join(", ")]},y.stage))}),n("h2",{children:"Versions"}),n("table",{class:"projects","data-testid":"versions",children:[n("thead",{children:n("tr",{children:[n("th",{scope:"col",children:"Version"}),n("th",{scope:"col",children:"Commit"}),n("th",{scope:"col",children:"Stages"}),n("th",{scope:"col",children:"Author"}),n("th",{scope:"col",children:"Created"}),n("th",{scope:"col",children:"State"})]})}),n("tbody",{children:l.versions.map(y=>n("tr",{"data-testid":"version","data-version":y.version,children:[n("th",{scope:"row",children:y.version}),n("td",{children:n("code",{children:y.commit.slice(0,7)})}),n("td",{children:y.stages.join(", ")}),n("td",{children:y.author}),n("td",{children:oe(y.createdAt)}),n("td",{children:y.active?"active":y.registered?"deregistered":"unregistered"})]},y.version))})]}),n(rs,{repo:s,model:l}),T?n("div",{class:"registry-forms",children:[n("form",{onSubmit:y=>{y.preventDefault(),z(async()=>(await N(Pn,{input:{...se,rev:p.trim()||c,version:$.trim()||null,bump:C||null}})).registerModelVersion,"Registered")},children:n("fieldset",{children:[n("legend",{children:"Register a version"}),n("label",{children:["Commit, branch or tag",n("input",{type:"text",value:p,placeholder:c,onInput:y=>v(y.currentTarget.value),"data-testid":"register-rev"})]}),n("label",{children:["Version",n("input",{type:"text",value:$,placeholder:"v1.2.3 (or bump)",onInput:y=>k(y.currentTarget.value),"data-testid":"register-version"})]}),n("label",{children:["Bump",n("select",{value:C,onChange:y=>H(y.currentTarget.value),children:[n("option",{value:"",children:"default"}),n("option",{value:"PATCH",children:"patch"}),n("option",{value:"MINOR",children:"minor"}),n("option",{value:"MAJOR",children:"major"})]})]}),n("button",{type:"submit",class:"primary",disabled:w,children:"Register"})]})}),n("form",{onSubmit:y=>{y.preventDefault();const I={...se,version:W||(Q[0]?.version??""),stage:X.trim()};z(async()=>(await N(Nn,{input:I})).assignStage,`Assigned ${I.stage}`)},children:n("fieldset",{children:[n("legend",{children:"Stages"}),n("label",{children:["Version",n("select",{value:W,onChange:y=>U(y.currentTarget.value),"data-testid":"stage-version",children:Q.map(y=>n("option",{value:y.version,children:y.version},y.version))})]}),n("label",{children:["Stage",n("input",{type:"text",value:X,required:!0,onInput:y=>V(y.currentTarget.value),"data-testid":"stage-name"})]}),n("button",{type:"submit",disabled:w||Q.length===0,children:"Assign"}),n("button",{type:"button",disabled:w||Q.length===0||!X.trim(),onClick:()=>{const y={...se,version:W||(Q[0]?.version??""),stage:X.trim()};z(async()=>(await N(Dn,{input:y})).unassignStage,`Unassigned ${y.stage}`)},children:"Unassign"})]})}),n("button",{type:"button",disabled:w||l.deprecated,onClick:()=>{confirm(`Deprecate ${l.name}? A new registry tag revives it.`)&&z(async()=>(await N(Hn,{input:se})).deprecateModel,"Deprecated")},children:"Deprecate model"})]}):null,n("h2",{children:"History"}),n("table",{class:"projects","data-testid":"history",children:[n("thead",{children:n("tr",{children:[n("th",{scope:"col",children:"When"}),n("th",{scope:"col",children:"Event"}),n("th",{scope:"col",children:"Version"}),n("th",{scope:"col",children:"Stage"}),n("th",{scope:"col",children:"By"}),n("th",{scope:"col",children:"Tag"})]})}),n("tbody",{children:l.history.map(y=>n("tr",{children:[n("td",{children:oe(y.createdAt)}),n("td",{children:y.kind.toLowerCase()}),n("td",{children:y.version??""}),n("td",{children:y.stage??""}),n("td",{children:y.author}),n("td",{children:n("code",{children:y.tag})})]},y.tag+y.kind))})]})]})}function Mt(e){return"version"in e?`version:${e.version}`:"stage"in e?`stage:${e.stage}`:"latest"}function rs(e){const{model:t}=e,[r,s]=S(new Map);L(()=>s(new Map),[t]);const i=[];t.latestVersion&&i.push({which:{},label:`latest (${t.latestVersion.version})`});for(const d of t.stages)i.push({which:{stage:d.stage},label:`stage ${d.stage} (${d.versions[0]?.version??"?"})`});for(const d of t.versions)d.active&&d.registered&&i.push({which:{version:d.version},label:d.version});const c=d=>{const l=Mt(d),u=a=>s(h=>new Map(h).set(l,a));u({loading:!0,files:null,error:null}),In(e.repo,t.name,d).then(a=>u({loading:!1,files:Object.entries(a).sort(([h],[g])=>h<g?-1:1),error:null})).catch(a=>{const h=a instanceof he?a.errors.map(g=>g.code?`${g.code}: ${g.message}`:g.message).join("; "):String(a);u({loading:!1,files:null,error:h})})};return n(ne,{children:[n("h2",{children:"Download"}),n("p",{class:"muted small",children:["The model's files as ",n("code",{children:["dvc artifacts get ",e.repo," ",t.name]})," fetches them (add"," ",n("code",{children:"--rev VERSION"})," or ",n("code",{children:"--stage STAGE"}),"); the links are signed for you and expire after an hour."]}),i.length===0?n("p",{class:"muted",children:"No registered version to download."}):n("ul",{class:"downloads","data-testid":"downloads",children:i.map(({which:d,label:l})=>{const u=Mt(d),a=r.get(u);return n("li",{"data-testid":"download","data-which":u,children:[n("strong",{children:l})," ",n("button",{type:"button",class:"link",disabled:a?.loading===!0,onClick:()=>c(d),"aria-label":`Get the download links of ${t.name} ${l}`,"data-testid":"download-files",children:a?.files?"Refresh links":a?.loading?"Reading…":"Get download links"}),a?.error?n("span",{class:"sync-error",role:"alert","data-testid":"download-error",children:a.error}):null,a?.files?a.files.length===0?n("p",{class:"muted small","data-testid":"download-links",children:"No files."}):n("ul",{"data-testid":"download-links",children:a.files.map(([h,g])=>n("li",{children:n("a",{href:g,download:h.split("/").pop()??h,"data-testid":"download-link","data-path":h,children:h})},h))}):null]},u)})})]})}function ss(e,t){return`${qe(e)}/models/${encodeURIComponent(t)}`}function os(e){fe("Models");const[t,r]=S(null),[s,i]=S(0),[c,d]=S(null),[l,u]=S(""),[a,h]=S(null),g=async(o,m)=>{try{const f=await N(On,{after:o,filter:m?{name:m}:null});r(w=>[...o&&w?w:[],...f.models.nodes]),i(f.models.totalCount),d(f.models.pageInfo.hasNextPage?f.models.pageInfo.endCursor:null),h(null)}catch(f){h(f)}};return L(()=>{const o=setTimeout(()=>{g(null,l.trim())},l?250:0);return()=>clearTimeout(o)},[l]),n("section",{"aria-labelledby":"models-title",children:[n("h1",{id:"models-title",children:"Models"}),n("div",{class:"toolbar",children:[n("label",{children:["Find a model",n("input",{type:"search",value:l,onInput:o=>u(o.currentTarget.value),"data-testid":"model-search"})]}),e.session?null:n("span",{class:"muted",children:"Signed out: models of public projects only."})]}),a?n(Ee,{error:a}):null,t===null?n("p",{class:"muted",children:"Loading models…"}):t.length===0?n("p",{children:"No models. Declare one in a dvc.yaml (`artifacts:`) or register one with GTO."}):n("table",{class:"projects","data-testid":"models",children:[n("caption",{class:"sr-only",children:[s," models"]}),n("thead",{children:n("tr",{children:[n("th",{scope:"col",children:"Model"}),n("th",{scope:"col",children:"Project"}),n("th",{scope:"col",children:"Latest version"}),n("th",{scope:"col",children:"Stages"}),n("th",{scope:"col",children:"Type"})]})}),n("tbody",{children:t.map(o=>n("tr",{"data-testid":"model","data-model":o.name,children:[n("th",{scope:"row",children:[o.project?n("a",{href:ss(o.project.name,o.name),children:o.name}):o.name,o.deprecated?n("span",{class:"chip",children:" deprecated"}):null,o.description?n("div",{class:"muted small",children:o.description}):null,o.registryError?n("div",{class:"sync-error",children:o.registryError.message}):null]}),n("td",{children:o.project?n("a",{href:qe(o.project.name),children:o.project.name}):"—"}),n("td",{children:o.latestVersion?n(ne,{children:[o.latestVersion.version," ",n("span",{class:"muted small",children:oe(o.latestVersion.createdAt)})]}):n("span",{class:"muted",children:"unregistered"})}),n("td",{children:o.stages.map(m=>n("span",{class:"chip tag",children:[m.stage,": ",m.versions.map(f=>f.version).join(", ")]},m.stage))}),n("td",{children:o.type??""})]},`${o.project?.id??""}:${o.name}`))})]}),c?n("button",{type:"button",onClick:()=>{g(c,l.trim())},children:"More models"}):null]})}const is=["READ","PROJECTS","EXPERIMENTS","MODELS","ADMIN"];function ls(e){fe("Access tokens");const[t,r]=S(null),[s,i]=S(null),[c,d]=S(""),[l,u]=S(new Set(["READ","EXPERIMENTS"])),[a,h]=S(null),[g,o]=S(null),m=async()=>{try{const _=await N(rr,{});r(_.me.tokens)}catch(_){i(_)}};if(L(()=>{e.session&&m()},[e.session]),!e.session)return n("section",{children:[n("h1",{children:"Access tokens"}),n("p",{children:[n("a",{href:$e(),children:"Sign in"})," to manage your tokens."]}),n(Pt,{})]});const f=async()=>{h(null);try{const _=await N(sr,{input:{name:c.trim(),scopes:[...l]}}),p=_.createAccessToken.errors[0];if(p){o(`${p.code}: ${p.message}`);return}h(_.createAccessToken.token??null),o(null),d(""),await m()}catch(_){o(_ instanceof Error?_.message:String(_))}},w=async _=>{if(confirm(`Revoke the token “${_.name}”? Scripts using it stop working.`))try{const v=(await N(or,{id:_.id})).revokeAccessToken.errors[0];o(v?`${v.code}: ${v.message}`:`Revoked “${_.name}”`),await m()}catch(p){o(p instanceof Error?p.message:String(p))}};return n("section",{"aria-labelledby":"tokens-title",children:[n("h1",{id:"tokens-title",children:"Access tokens"}),s?n(Ee,{error:s}):null,n("form",{class:"token-form",onSubmit:_=>{_.preventDefault(),f()},children:[n("label",{children:["Name",n("input",{type:"text",required:!0,value:c,onInput:_=>d(_.currentTarget.value),"data-testid":"token-name"})]}),n("fieldset",{children:[n("legend",{children:"Scopes"}),is.map(_=>n("label",{children:[n("input",{type:"checkbox",checked:l.has(_),onChange:p=>{const v=new Set(l);p.currentTarget.checked?v.add(_):v.delete(_),u(v)}})," ",_]},_))]}),n("button",{type:"submit",class:"primary",disabled:!c.trim()||l.size===0,children:"Create token"})]}),a?n("div",{class:"notice",role:"status","data-testid":"new-token",children:n("p",{children:["Your new token (shown once): ",n("code",{children:a})]})}):null,g?n("p",{class:"muted",role:"status",children:g}):null,t===null?n("p",{class:"muted",children:"Loading tokens…"}):n("table",{class:"projects","data-testid":"tokens",children:[n("thead",{children:n("tr",{children:[n("th",{scope:"col",children:"Name"}),n("th",{scope:"col",children:"Prefix"}),n("th",{scope:"col",children:"Scopes"}),n("th",{scope:"col",children:"Created"}),n("th",{scope:"col",children:"Last used"}),n("th",{scope:"col",children:n("span",{class:"sr-only",children:"Actions"})})]})}),n("tbody",{children:t.map(_=>n("tr",{"data-testid":"token",children:[n("th",{scope:"row",children:_.name}),n("td",{children:n("code",{children:_.prefix})}),n("td",{children:_.scopes.join(", ")}),n("td",{children:oe(_.createdAt)}),n("td",{children:oe(_.lastUsedAt)}),n("td",{children:n("button",{type:"button",onClick:()=>{w(_)},"aria-label":`Revoke ${_.name}`,children:"Revoke"})})]},_.id))})]}),n(Pt,{})]})}function Pt(){const e=location.origin;return n("section",{class:"device-login","aria-labelledby":"device-login-title","data-testid":"device-login",children:[n("h2",{id:"device-login-title",children:["Sign DVC in: ",n("code",{children:"dvc studio login"})]}),n("ol",{children:[n("li",{children:["On your machine run ",n("code",{"data-testid":"device-login-command",children:["dvc studio login --hostname ",e]})," (",n("code",{children:"-s EXPERIMENTS,MODELS,DATASETS"})," to choose the scopes, ",n("code",{children:"-n NAME"})," to name the token)."]}),n("li",{children:["DVC asks this server for a login and prints a code such as ",n("code",{children:"BCDF-GHJK"})," with the approval page's address (it opens it in a browser unless ",n("code",{children:"--no-open"}),")."]}),n("li",{children:["On the ",n("a",{href:"/auth/device-login","data-testid":"device-login-link",children:"approval page"}),", signed in as yourself, approve the code (or deny it): DVC receives a new access token of yours with the scopes it asked for (you must hold them), saves it with this server's address in its global config (",n("code",{children:"studio.token"}),","," ",n("code",{children:"studio.url"}),"), and the token shows in the list above, where you can revoke it."]})]}),n("form",{method:"get",action:"/auth/device-login",class:"token-form",children:[n("label",{children:["Code from DVC",n("input",{type:"text",name:"code",required:!0,maxLength:32,autoComplete:"off",placeholder:"BCDF-GHJK","data-testid":"device-login-code"})]}),n("button",{type:"submit",children:"Open the approval page"})]}),n("p",{class:"muted small",children:["The codes expire after a few minutes; DVC then stops and you run it again. Then ",n("code",{children:"dvc exp push"}),","," ",n("code",{children:"dvc artifacts get"})," and DVCLive's live updates reach this server with that token."]})]})}function as(e,t){if(e==="/"||e==="")return n(cr,{session:t});const r=/^\/projects\/([^/]+)\/models\/(.+)$/.exec(e);if(r?.[1]&&r[2]){const[i,c]=[decodeURIComponent(r[1]),decodeURIComponent(r[2])];return n(ns,{project:i,model:c,session:t},e)}const s=/^\/projects\/([^/]+)\/?$/.exec(e);if(s?.[1]){const i=decodeURIComponent(s[1]);return n(Yr,{name:i,session:t},i)}return e==="/models"?n(os,{session:t}):e==="/settings/tokens"?n(ls,{session:t}):n(lr,{})}function cs(){const e=xn(),[t,r]=S({loaded:!1});L(()=>{kn().then(d=>r({loaded:!0,session:d})).catch(()=>r({loaded:!0,session:null}))},[]);const s=t.loaded?t.session:null,i=/^\/projects\/[^/]+\/models\//.test(e.path),c=d=>d==="/"?e.path==="/"||e.path.startsWith("/projects/")&&!i?"page":void 0:d==="/models"?e.path==="/models"||i?"page":void 0:e.path.startsWith(d)?"page":void 0;return n(ne,{children:[n("a",{class:"skip",href:"#main",children:"Skip to content"}),n("header",{class:"shell",children:[n("a",{class:"brand",href:"/",children:"gitstudio"}),n("nav",{"aria-label":"Main",children:n("ul",{children:[n("li",{children:n("a",{href:"/","aria-current":c("/"),children:"Projects"})}),n("li",{children:n("a",{href:"/models","aria-current":c("/models"),children:"Models"})}),n("li",{children:n("a",{href:"/settings/tokens","aria-current":c("/settings/tokens"),children:"Tokens"})}),n("li",{children:n("a",{href:"/graphql",children:"GraphiQL"})})]})}),n("div",{class:"who","data-testid":"session",children:t.loaded?s?n(ne,{children:[n("span",{"data-testid":"user",children:s.user}),n("button",{type:"button",onClick:()=>{$n().then(()=>{location.assign($e("/"))})},children:"Sign out"})]}):n("a",{href:$e(),"data-testid":"sign-in",children:"Sign in"}):null})]}),n("main",{id:"main",tabIndex:-1,children:t.loaded?as(e.path,s):n("p",{class:"muted",children:"Loading…"})})]})}const We=document.getElementById("app");We&&(Tn(We),hn(n(cs,{}),We));

const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=["assets/embed-ji_c-7H5.js","assets/vega-interpreter-BmnYaw1U.js"])))=>i.map(i=>d[i]);
var qe,H,Ut,ue,ut,Vt,Ft,Fe,Re,we,Gt,it,Ye,Ze,De={},Oe=[],pn=/acit|ex(?:s|g|n|p|$)|rph|grid|ows|mnc|ntw|ine[ch]|zoo|^ord|itera/i,Le=Array.isArray;function ce(e,t){for(var r in t)e[r]=t[r];return e}function at(e){e&&e.parentNode&&e.parentNode.removeChild(e)}function mn(e,t,r){var s,l,a,d={};for(a in t)a=="key"?s=t[a]:a=="ref"?l=t[a]:d[a]=t[a];if(arguments.length>2&&(d.children=arguments.length>3?qe.call(arguments,2):r),typeof e=="function"&&e.defaultProps!=null)for(a in e.defaultProps)d[a]===void 0&&(d[a]=e.defaultProps[a]);return je(e,d,s,l,null)}function je(e,t,r,s,l){var a={type:e,props:t,key:r,ref:s,__k:null,__:null,__b:0,__e:null,__c:null,constructor:void 0,__v:l??++Ut,__i:-1,__u:0};return l==null&&H.vnode!=null&&H.vnode(a),a}function ee(e){return e.children}function ve(e,t){this.props=e,this.context=t}function fe(e,t){if(t==null)return e.__?fe(e.__,e.__i+1):null;for(var r;t<e.__k.length;t++)if((r=e.__k[t])!=null&&r.__e!=null)return r.__e;return typeof e.type=="function"?fe(e):null}function fn(e){if(e.__P&&e.__d){var t=e.__v,r=t.__e,s=[],l=[],a=ce({},t);a.__v=t.__v+1,H.vnode&&H.vnode(a),lt(e.__P,a,t,e.__n,e.__P.namespaceURI,32&t.__u?[r]:null,s,r??fe(t),!!(32&t.__u),l),a.__v=t.__v,a.__.__k[a.__i]=a,Kt(s,a,l),t.__e=t.__=null,a.__e!=r&&Wt(a)}}function Wt(e){if((e=e.__)!=null&&e.__c!=null)return e.__e=e.__c.base=null,e.__k.some(function(t){if(t!=null&&t.__e!=null)return e.__e=e.__c.base=t.__e}),Wt(e)}function ht(e){(!e.__d&&(e.__d=!0)&&ue.push(e)&&!He.__r++||ut!=H.debounceRendering)&&((ut=H.debounceRendering)||Vt)(He)}function He(){try{for(var e,t=1;ue.length;)ue.length>t&&ue.sort(Ft),e=ue.shift(),t=ue.length,fn(e)}finally{ue.length=He.__r=0}}function zt(e,t,r,s,l,a,d,i,u,c,h){var g,o,m,f,b,_,p=s&&s.__k||Oe,v=t.length;for(u=gn(r,t,p,u,v),g=0;g<v;g++)(m=r.__k[g])!=null&&(o=m.__i!=-1&&p[m.__i]||De,m.__i=g,_=lt(e,m,o,l,a,d,i,u,c,h),f=m.__e,m.ref&&o.ref!=m.ref&&(o.ref&&ct(o.ref,null,m),h.push(m.ref,m.__c||f,m)),b==null&&f!=null&&(b=f),4&m.__u?(u=Jt(m,u,e),o.__e&&(o.__e=null)):typeof m.type=="function"&&_!==void 0?u=_:f&&(u=f.nextSibling),m.__u&=-7);return r.__e=b,u}function gn(e,t,r,s,l){var a,d,i,u,c,h=r.length,g=h,o=0;for(e.__k=new Array(l),a=0;a<l;a++)(d=t[a])!=null&&typeof d!="boolean"&&typeof d!="function"?(typeof d=="string"||typeof d=="number"||typeof d=="bigint"||d.constructor==String?d=e.__k[a]=je(null,d,null,null,null):Le(d)?d=e.__k[a]=je(ee,{children:d},null,null,null):d.constructor===void 0&&d.__b>0?d=e.__k[a]=je(d.type,d.props,d.key,d.ref?d.ref:null,d.__v):e.__k[a]=d,u=a+o,d.__=e,d.__b=e.__b+1,i=null,(c=d.__i=_n(d,r,u,g))!=-1&&(g--,(i=r[c])&&(i.__u|=2)),i==null||i.__v==null?(c==-1&&(l>h?o--:l<h&&o++),typeof d.type!="function"&&(d.__u|=4)):c!=u&&(c==u-1?o--:c==u+1?o++:(c>u?o--:o++,d.__u|=4))):e.__k[a]=null;if(g)for(a=0;a<h;a++)(i=r[a])!=null&&(2&i.__u)==0&&(i.__e==s&&(s=fe(i)),Yt(i,i));return s}function Jt(e,t,r){var s,l;if(typeof e.type=="function"){for(s=e.__k,l=0;s&&l<s.length;l++)s[l]&&(s[l].__=e,t=Jt(s[l],t,r));return t}e.__e!=t&&(t&&e.type&&!t.parentNode&&(t=fe(e)),t=r.insertBefore(e.__e,t||null));do t=t&&t.nextSibling;while(t!=null&&t.nodeType==8);return t}function _n(e,t,r,s){var l,a,d,i=e.key,u=e.type,c=t[r],h=c!=null&&(2&c.__u)==0;if(c===null&&i==null||h&&i==c.key&&u==c.type)return r;if(s>(h?1:0)){for(l=r-1,a=r+1;l>=0||a<t.length;)if((c=t[d=l>=0?l--:a++])!=null&&(2&c.__u)==0&&i==c.key&&u==c.type)return d}return-1}function pt(e,t,r){t[0]=="-"?e.setProperty(t,r??""):e[t]=r==null?"":typeof r!="number"||pn.test(t)?r:r+"px"}function Te(e,t,r,s,l){var a,d;e:if(t=="style")if(typeof r=="string")e.style.cssText=r;else{if(typeof s=="string"&&(e.style.cssText=s=""),s)for(t in s)r&&t in r||pt(e.style,t,"");if(r)for(t in r)s&&r[t]==s[t]||pt(e.style,t,r[t])}else if(t[0]=="o"&&t[1]=="n")a=t!=(t=t.replace(Gt,"$1")),d=t.toLowerCase(),t=d in e||t=="onFocusOut"||t=="onFocusIn"?d.slice(2):t.slice(2),e.l||(e.l={}),e.l[t+a]=r,r?s?r[we]=s[we]:(r[we]=it,e.addEventListener(t,a?Ze:Ye,a)):e.removeEventListener(t,a?Ze:Ye,a);else{if(l=="http://www.w3.org/2000/svg")t=t.replace(/xlink(H|:h)/,"h").replace(/sName$/,"s");else if(t!="width"&&t!="height"&&t!="href"&&t!="list"&&t!="form"&&t!="tabIndex"&&t!="download"&&t!="rowSpan"&&t!="colSpan"&&t!="role"&&t!="popover"&&t in e)try{e[t]=r??"";break e}catch{}typeof r=="function"||(r==null||r===!1&&t[4]!="-"?e.removeAttribute(t):e.setAttribute(t,t=="popover"&&r==1?"":r))}}function mt(e){return function(t){if(this.l){var r=this.l[t.type+e];if(t[Re]==null)t[Re]=it++;else if(t[Re]<r[we])return;return r(H.event?H.event(t):t)}}}function lt(e,t,r,s,l,a,d,i,u,c){var h,g,o,m,f,b,_,p,v,$,S,E,P,W,B,J,V=t.type;if(t.constructor!==void 0)return null;128&r.__u&&(u=!!(32&r.__u),a=[i=t.__e=r.__e]),(h=H.__b)&&h(t);e:if(typeof V=="function"){g=d.length;try{if(v=t.props,$=V.prototype&&V.prototype.render,S=(h=V.contextType)&&s[h.__c],E=h?S?S.props.value:h.__:s,r.__c?p=(o=t.__c=r.__c).__=o.__E:($?t.__c=o=new V(v,E):(t.__c=o=new ve(v,E),o.constructor=V,o.render=bn),S&&S.sub(o),o.state||(o.state={}),o.__n=s,m=o.__d=!0,o.__h=[],o._sb=[]),$&&o.__s==null&&(o.__s=o.state),$&&V.getDerivedStateFromProps!=null&&(o.__s==o.state&&(o.__s=ce({},o.__s)),ce(o.__s,V.getDerivedStateFromProps(v,o.__s))),f=o.props,b=o.state,o.__v=t,m)$&&V.getDerivedStateFromProps==null&&o.componentWillMount!=null&&o.componentWillMount(),$&&o.componentDidMount!=null&&o.__h.push(o.componentDidMount);else{if($&&V.getDerivedStateFromProps==null&&v!==f&&o.componentWillReceiveProps!=null&&o.componentWillReceiveProps(v,E),t.__v==r.__v||!o.__e&&o.shouldComponentUpdate!=null&&o.shouldComponentUpdate(v,o.__s,E)===!1){t.__v!=r.__v&&(o.props=v,o.state=o.__s,o.__d=!1),t.__e=r.__e,t.__k=r.__k,t.__k.some(function(z){z&&(z.__=t)}),Oe.push.apply(o.__h,o._sb),o._sb=[],o.__h.length&&d.push(o),i=fe(r);break e}o.componentWillUpdate!=null&&o.componentWillUpdate(v,o.__s,E),$&&o.componentDidUpdate!=null&&o.__h.push(function(){o.componentDidUpdate(f,b,_)})}if(o.context=E,o.props=v,o.__P=e,o.__e=!1,P=H.__r,W=0,$)o.state=o.__s,o.__d=!1,P&&P(t),h=o.render(o.props,o.state,o.context),Oe.push.apply(o.__h,o._sb),o._sb=[];else do o.__d=!1,P&&P(t),h=o.render(o.props,o.state,o.context),o.state=o.__s;while(o.__d&&++W<25);o.state=o.__s,o.getChildContext!=null&&(s=ce(ce({},s),o.getChildContext())),$&&!m&&o.getSnapshotBeforeUpdate!=null&&(_=o.getSnapshotBeforeUpdate(f,b)),B=h!=null&&h.type===ee&&h.key==null?Qt(h.props.children):h,i=zt(e,Le(B)?B:[B],t,r,s,l,a,d,i,u,c),o.base=t.__e,t.__u&=-161,o.__h.length&&d.push(o),p&&(o.__E=o.__=null)}catch(z){if(d.length=g,t.__v=null,u||a!=null){if(z.then){for(t.__u|=u?160:128;i&&i.nodeType==8&&i.nextSibling;)i=i.nextSibling;a!=null&&(a[a.indexOf(i)]=null),t.__e=i}else if(a!=null)for(J=a.length;J--;)at(a[J])}else t.__e=r.__e;t.__k==null&&(t.__k=r.__k||[]),z.then||Xt(t),H.__e(z,t,r)}}else a==null&&t.__v==r.__v?(t.__k=r.__k,t.__e=r.__e):i=t.__e=yn(r.__e,t,r,s,l,a,d,u,c);return(h=H.diffed)&&h(t),128&t.__u?void 0:i}function Xt(e){e&&(e.__c&&(e.__c.__e=!0),e.__k&&e.__k.some(Xt))}function Kt(e,t,r){for(var s=0;s<r.length;s++)ct(r[s],r[++s],r[++s]);H.__c&&H.__c(t,e),e.some(function(l){try{e=l.__h,l.__h=[],e.some(function(a){a.call(l)})}catch(a){H.__e(a,l.__v)}})}function Qt(e){return typeof e!="object"||e==null||e.__b>0?e:Le(e)?e.map(Qt):e.constructor!==void 0?null:ce({},e)}function yn(e,t,r,s,l,a,d,i,u){var c,h,g,o,m,f,b,_=r.props||De,p=t.props,v=t.type;if(v=="svg"?l="http://www.w3.org/2000/svg":v=="math"?l="http://www.w3.org/1998/Math/MathML":l||(l="http://www.w3.org/1999/xhtml"),a!=null){for(c=0;c<a.length;c++)if((m=a[c])&&"setAttribute"in m==!!v&&(v?m.localName==v:m.nodeType==3)){e=m,a[c]=null;break}}if(e==null){if(v==null)return document.createTextNode(p);e=document.createElementNS(l,v,p.is&&p),i&&(H.__m&&H.__m(t,a),i=!1),a=null}if(v==null)_===p||i&&e.data==p||(e.data=p);else{if(a=v=="textarea"&&p.defaultValue!=null?null:a&&qe.call(e.childNodes),!i&&a!=null)for(_={},c=0;c<e.attributes.length;c++)_[(m=e.attributes[c]).name]=m.value;for(c in _)m=_[c],c=="dangerouslySetInnerHTML"?g=m:c=="children"||c in p||c=="value"&&"defaultValue"in p||c=="checked"&&"defaultChecked"in p||Te(e,c,null,m,l);for(c in p)m=p[c],c=="children"?o=m:c=="dangerouslySetInnerHTML"?h=m:c=="value"?f=m:c=="checked"?b=m:i&&typeof m!="function"||_[c]===m||Te(e,c,m,_[c],l);if(h)i||g&&(h.__html==g.__html||h.__html==e.innerHTML)||(e.innerHTML=h.__html),t.__k=[];else if(g&&(e.innerHTML=""),zt(t.type=="template"?e.content:e,Le(o)?o:[o],t,r,s,v=="foreignObject"?"http://www.w3.org/1999/xhtml":l,a,d,a?a[0]:r.__k&&fe(r,0),i,u),a!=null)for(c=a.length;c--;)at(a[c]);i&&v!="textarea"||(c="value",v=="progress"&&f==null?e.removeAttribute("value"):f!=null&&(f!==e[c]||v=="progress"&&!f||v=="option"&&f!=_[c])&&Te(e,c,f,_[c],l),c="checked",b!=null&&b!=e[c]&&Te(e,c,b,_[c],l))}return e}function ct(e,t,r){try{if(typeof e=="function"){var s=typeof e.__u=="function";s&&e.__u(),s&&t==null||(e.__u=e(t))}else e.current=t}catch(l){H.__e(l,r)}}function Yt(e,t,r){var s,l;if(H.unmount&&H.unmount(e),(s=e.ref)&&(s.current&&s.current!=e.__e||ct(s,null,t)),(s=e.__c)!=null){if(s.componentWillUnmount)try{s.componentWillUnmount()}catch(a){H.__e(a,t)}s.base=s.__P=s.__n=null}if(s=e.__k)for(l=0;l<s.length;l++)s[l]&&Yt(s[l],t,r||typeof e.type!="function");r||at(e.__e),e.__c=e.__=e.__e=void 0}function bn(e,t,r){return this.constructor(e,r)}function wn(e,t,r){var s,l,a,d;t==document&&(t=document.documentElement),H.__&&H.__(e,t),l=(s=!1)?null:t.__k,a=[],d=[],lt(t,e=t.__k=mn(ee,null,[e]),l||De,De,t.namespaceURI,l?null:t.firstChild?qe.call(t.childNodes):null,a,l?l.__e:t.firstChild,s,d),Kt(a,e,d),e.props.children=null}qe=Oe.slice,H={__e:function(e,t,r,s){for(var l,a,d;t=t.__;)if((l=t.__c)&&!l.__)try{if((a=l.constructor)&&a.getDerivedStateFromError!=null&&(l.setState(a.getDerivedStateFromError(e)),d=l.__d),l.componentDidCatch!=null&&(l.componentDidCatch(e,s||{}),d=l.__d),d)return l.__E=l}catch(i){e=i}throw e}},Ut=0,ve.prototype.setState=function(e,t){var r;r=this.__s!=null&&this.__s!=this.state?this.__s:this.__s=ce({},this.state),typeof e=="function"&&(e=e(ce({},r),this.props)),e&&ce(r,e),e!=null&&this.__v&&(t&&this._sb.push(t),ht(this))},ve.prototype.forceUpdate=function(e){this.__v&&(this.__e=!0,e&&this.__h.push(e),ht(this))},ve.prototype.render=ee,ue=[],Vt=typeof Promise=="function"?Promise.prototype.then.bind(Promise.resolve()):setTimeout,Ft=function(e,t){return e.__v.__b-t.__v.__b},He.__r=0,Fe=Math.random().toString(8),Re="__d"+Fe,we="__a"+Fe,Gt=/(PointerCapture)$|Capture$/i,it=0,Ye=mt(!1),Ze=mt(!0);var vn=0;function n(e,t,r,s,l,a){t||(t={});var d,i,u=t;if("ref"in u)for(i in u={},t)i=="ref"?d=t[i]:u[i]=t[i];var c={type:e,props:u,key:r,ref:d,__k:null,__:null,__b:0,__e:null,__c:null,constructor:void 0,__v:--vn,__i:-1,__u:0,__source:l,__self:a};if(typeof e=="function"&&(d=e.defaultProps))for(i in d)u[i]===void 0&&(u[i]=d[i]);return H.vnode&&H.vnode(c),c}var ke,U,Ge,ft,$e=0,Zt=[],G=H,gt=G.__b,_t=G.__r,yt=G.diffed,bt=G.__c,wt=G.unmount,vt=G.__;function dt(e,t){G.__h&&G.__h(U,e,$e||t),$e=0;var r=U.__H||(U.__H={__:[],__h:[]});return e>=r.__.length&&r.__.push({}),r.__[e]}function k(e){return $e=1,Sn(tn,e)}function Sn(e,t,r){var s=dt(ke++,2);if(s.t=e,!s.__c&&(s.__=[tn(void 0,t),function(i){var u=s.__N?s.__N[0]:s.__[0],c=s.t(u,i);u!==c&&(s.__N=[c,s.__[1]],s.__c.setState({}))}],s.__c=U,!U.__f)){var l=function(i,u,c){if(!s.__c.__H)return!0;var h=!1,g=s.__c.props!==i;if(s.__c.__H.__.some(function(m){if(m.__N){h=!0;var f=m.__[0];m.__=m.__N,m.__N=void 0,f!==m.__[0]&&(g=!0)}}),a){var o=a.call(this,i,u,c);return h?o||g:o}return!h||g};U.__f=!0;var a=U.shouldComponentUpdate,d=U.componentWillUpdate;U.componentWillUpdate=function(i,u,c){if(this.__e){var h=a;a=void 0,l(i,u,c),a=h}d&&d.call(this,i,u,c)},U.shouldComponentUpdate=l}return s.__N||s.__}function L(e,t){var r=dt(ke++,3);!G.__s&&en(r.__H,t)&&(r.__=e,r.u=t,U.__H.__h.push(r))}function Ie(e){return $e=5,xe(function(){return{current:e}},[])}function xe(e,t){var r=dt(ke++,7);return en(r.__H,t)&&(r.__=e(),r.__H=t,r.__h=e),r.__}function St(e,t){return $e=8,xe(function(){return e},t)}function kn(){for(var e;e=Zt.shift();){var t=e.__H;if(e.__P&&t)try{t.__h.some(Ae),t.__h.some(et),t.__h=[]}catch(r){t.__h=[],G.__e(r,e.__v)}}}G.__b=function(e){U=null,gt&&gt(e)},G.__=function(e,t){e&&t.__k&&t.__k.__m&&(e.__m=t.__k.__m),vt&&vt(e,t)},G.__r=function(e){_t&&_t(e),ke=0;var t=(U=e.__c).__H;t&&(Ge===U?(t.__h=[],U.__h=[],t.__.some(function(r){r.__N&&(r.__=r.__N),r.u=r.__N=void 0})):(t.__h.some(Ae),t.__h.some(et),t.__h=[],ke=0)),Ge=U},G.diffed=function(e){yt&&yt(e);var t=e.__c;t&&t.__H&&(t.__H.__h.length&&(Zt.push(t)!==1&&ft===G.requestAnimationFrame||((ft=G.requestAnimationFrame)||$n)(kn)),t.__H.__.some(function(r){r.u&&(r.__H=r.u,r.u=void 0)})),Ge=U=null},G.__c=function(e,t){t.some(function(r){try{r.__h.some(Ae),r.__h=r.__h.filter(function(s){return!s.__||et(s)})}catch(s){t.some(function(l){l.__h&&(l.__h=[])}),t=[],G.__e(s,r.__v)}}),bt&&bt(e,t)},G.unmount=function(e){wt&&wt(e);var t,r=e.__c;r&&r.__H&&(r.__H.__.some(function(s){try{Ae(s)}catch(l){t=l}}),r.__H=void 0,t&&G.__e(t,r.__v))};var kt=typeof requestAnimationFrame=="function";function $n(e){var t,r=function(){clearTimeout(s),kt&&cancelAnimationFrame(t),setTimeout(e)},s=setTimeout(r,35);kt&&(t=requestAnimationFrame(r))}function Ae(e){var t=U,r=e.__c;typeof r=="function"&&(e.__c=void 0,r()),U=t}function et(e){var t=U;e.__c=e.__(),U=t}function en(e,t){return!e||e.length!==t.length||t.some(function(r,s){return r!==e[s]})}function tn(e,t){return typeof t=="function"?t(e):t}function X(e){return e===null?"null":Array.isArray(e)?"array":typeof e}function me(e){return X(e)==="object"}function In(e){return Array.isArray(e)&&e.length>0&&e.every(t=>"message"in t)}function $t(e,t){return e.length<124?e:t}const En="graphql-transport-ws";var Y=(e=>(e[e.InternalServerError=4500]="InternalServerError",e[e.InternalClientError=4005]="InternalClientError",e[e.BadRequest=4400]="BadRequest",e[e.BadResponse=4004]="BadResponse",e[e.Unauthorized=4401]="Unauthorized",e[e.Forbidden=4403]="Forbidden",e[e.SubprotocolNotAcceptable=4406]="SubprotocolNotAcceptable",e[e.ConnectionInitialisationTimeout=4408]="ConnectionInitialisationTimeout",e[e.ConnectionAcknowledgementTimeout=4504]="ConnectionAcknowledgementTimeout",e[e.SubscriberAlreadyExists=4409]="SubscriberAlreadyExists",e[e.TooManyInitialisationRequests=4429]="TooManyInitialisationRequests",e))(Y||{}),Z=(e=>(e.ConnectionInit="connection_init",e.ConnectionAck="connection_ack",e.Ping="ping",e.Pong="pong",e.Subscribe="subscribe",e.Next="next",e.Error="error",e.Complete="complete",e))(Z||{});function nn(e){if(!me(e))throw new Error(`Message is expected to be an object, but got ${X(e)}`);if(!e.type)throw new Error("Message is missing the 'type' property");if(typeof e.type!="string")throw new Error(`Message is expects the 'type' property to be a string, but got ${X(e.type)}`);switch(e.type){case"connection_init":case"connection_ack":case"ping":case"pong":{if(e.payload!=null&&!me(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an object or nullish or missing, but got "${e.payload}"`);break}case"subscribe":{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${X(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);if(!me(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an object, but got ${X(e.payload)}`);if(typeof e.payload.query!="string")throw new Error(`"${e.type}" message payload expects the 'query' property to be a string, but got ${X(e.payload.query)}`);if(e.payload.variables!=null&&!me(e.payload.variables))throw new Error(`"${e.type}" message payload expects the 'variables' property to be a an object or nullish or missing, but got ${X(e.payload.variables)}`);if(e.payload.operationName!=null&&X(e.payload.operationName)!=="string")throw new Error(`"${e.type}" message payload expects the 'operationName' property to be a string or nullish or missing, but got ${X(e.payload.operationName)}`);if(e.payload.extensions!=null&&!me(e.payload.extensions))throw new Error(`"${e.type}" message payload expects the 'extensions' property to be a an object or nullish or missing, but got ${X(e.payload.extensions)}`);break}case"next":{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${X(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);if(!me(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an object, but got ${X(e.payload)}`);break}case"error":{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${X(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);if(!In(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an array of GraphQL errors, but got ${JSON.stringify(e.payload)}`);break}case"complete":{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${X(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);break}default:throw new Error(`Invalid message 'type' property "${e.type}"`)}return e}function xn(e,t){return nn(typeof e=="string"?JSON.parse(e,t):e)}function _e(e,t){return nn(e),JSON.stringify(e,t)}function Cn(e){const{url:t,connectionParams:r,lazy:s=!0,onNonLazyError:l=console.error,lazyCloseTimeout:a=0,keepAlive:d=0,disablePong:i,connectionAckWaitTimeout:u=0,retryAttempts:c=5,retryWait:h=async function(R){const y=Math.pow(2,R);await new Promise(C=>setTimeout(C,y*1e3+Math.floor(Math.random()*2700+300)))},shouldRetry:g=We,on:o,webSocketImpl:m,generateID:f=function(){return"xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx".replace(/[xy]/g,R=>{const y=Math.random()*16|0;return(R=="x"?y:y&3|8).toString(16)})},jsonMessageReplacer:b,jsonMessageReviver:_}=e;let p;if(m){if(!Rn(m))throw new Error("Invalid WebSocket implementation provided");p=m}else typeof WebSocket<"u"?p=WebSocket:typeof global<"u"?p=global.WebSocket||global.MozWebSocket:typeof window<"u"&&(p=window.WebSocket||window.MozWebSocket);if(!p)throw new Error("WebSocket implementation missing; on Node you can `import WebSocket from 'ws';` and pass `webSocketImpl: WebSocket` to `createClient`");const v=p,$=(()=>{const x=(()=>{const y={};return{on(C,T){return y[C]=T,()=>{delete y[C]}},emit(C){"id"in C&&y[C.id]?.(C)}}})(),R={connecting:o?.connecting?[o.connecting]:[],opened:o?.opened?[o.opened]:[],connected:o?.connected?[o.connected]:[],ping:o?.ping?[o.ping]:[],pong:o?.pong?[o.pong]:[],message:o?.message?[x.emit,o.message]:[x.emit],closed:o?.closed?[o.closed]:[],error:o?.error?[o.error]:[]};return{onMessage:x.on,on(y,C){const T=R[y];return T.push(C),()=>{const O=T.indexOf(C);O>-1&&T.splice(O,1)}},emit(y,...C){for(const T of[...R[y]])T(...C)}}})();function S(x){const R=[$.on("error",y=>{R.forEach(C=>C()),x(y)}),$.on("closed",y=>{R.forEach(C=>C()),x(y)})];return()=>R.forEach(y=>y())}let E,P=0,W,B=!1,J=0,V=!1;async function z(){clearTimeout(W);const[x,R]=await(E??(E=new Promise((T,O)=>(async()=>{if(B){if(await h(J),!P)return E=void 0,O({code:1e3,reason:"All Subscriptions Gone"});J++}$.emit("connecting",B);const M=new v(typeof t=="function"?await t():t,En);let te,de;function ie(){isFinite(d)&&d>0&&(clearTimeout(de),de=setTimeout(()=>{M.readyState===v.OPEN&&(M.send(_e({type:Z.Ping})),$.emit("ping",!1,void 0))},d))}S(F=>{E=void 0,clearTimeout(te),clearTimeout(de),O(F),F instanceof It&&(M.close(4499,"Terminated"),M.onerror=null,M.onclose=null)}),M.onerror=F=>$.emit("error",F),M.onclose=F=>$.emit("closed",F),M.onopen=async()=>{try{$.emit("opened",M);const F=typeof r=="function"?await r():r;if(M.readyState!==v.OPEN)return;M.send(_e(F?{type:Z.ConnectionInit,payload:F}:{type:Z.ConnectionInit},b)),isFinite(u)&&u>0&&(te=setTimeout(()=>{M.close(Y.ConnectionAcknowledgementTimeout,"Connection acknowledgement timeout")},u)),ie()}catch(F){$.emit("error",F),M.close(Y.InternalClientError,$t(F instanceof Error?F.message:String(F),"Internal client error"))}};let Q=!1;M.onmessage=({data:F})=>{try{const w=xn(F,_);if($.emit("message",w),w.type==="ping"||w.type==="pong"){$.emit(w.type,!0,w.payload),w.type==="pong"?ie():i||(M.send(_e(w.payload?{type:Z.Pong,payload:w.payload}:{type:Z.Pong},b)),$.emit("pong",!1,w.payload));return}if(Q)return;if(w.type!==Z.ConnectionAck)throw new Error(`First message cannot be of type ${w.type}`);clearTimeout(te),Q=!0,$.emit("connected",M,w.payload,B),B=!1,J=0;const I=new Promise((j,N)=>S(N));I.catch(()=>{}),T([M,I])}catch(w){M.onmessage=null,$.emit("error",w),M.close(Y.BadResponse,$t(w instanceof Error?w.message:String(w),"Bad response"))}}})())));x.readyState===v.CLOSING&&await R;let y=()=>{};const C=new Promise(T=>y=T);return[x,y,new Promise((T,O)=>{const M=S(O);x.readyState!==v.OPEN&&R.catch(O),C.then(()=>{if(M(),!P){const te=()=>x.close(1e3,"Normal Closure");isFinite(a)&&a>0?(clearTimeout(W),W=setTimeout(()=>{!P&&x.readyState===v.OPEN&&te()},a)):te()}T()})})]}function re(x){if(We(x)&&(Tn(x.code)||[Y.InternalServerError,Y.InternalClientError,Y.BadRequest,Y.BadResponse,Y.Unauthorized,Y.SubprotocolNotAcceptable,Y.SubscriberAlreadyExists,Y.TooManyInitialisationRequests].includes(x.code)))throw x;if(V)return!1;if(We(x)&&x.code===1e3)return P>0;if(!c||J>=c||!g(x))throw x;return B=!0}s||(async()=>{for(P++;;)try{const[,,x]=await z();await x}catch(x){try{if(!re(x))return}catch(R){return l?.(R)}}})();function K(x,R){const y=f(x);let C=!1,T=!1,O=()=>{P--,C=!0};return(async()=>{for(P++;;)try{const[M,te,de]=await z();if(C)return de.catch(()=>{}),te();const ie=$.onMessage(y,Q=>{switch(Q.type){case Z.Next:{R.next(Q.payload);return}case Z.Error:{T=!0,C=!0,R.error(Q.payload),O();return}case Z.Complete:{C=!0,O();return}}});M.send(_e({id:y,type:Z.Subscribe,payload:x},b)),O=()=>{!C&&M.readyState===v.OPEN&&M.send(_e({id:y,type:Z.Complete},b)),P--,C=!0,te()},await de.finally(ie);return}catch(M){if(!re(M))return}})().then(()=>{T||R.complete()}).catch(M=>{R.error(M)}),()=>{C||O()}}return{on:$.on,subscribe:K,iterate(x){const R=[],y={done:!1,error:null,resolve:()=>{}},C=K(x,{next(O){R.push(O),y.resolve()},error(O){y.done=!0,y.error=O,y.resolve()},complete(){y.done=!0,y.resolve()}}),T=(async function*(){for(;;){for(R.length||await new Promise(M=>y.resolve=M);R.length;)yield R.shift();if(y.error)throw y.error;if(y.done)return}})();return T.throw=async O=>(y.done||(y.done=!0,y.error=O,y.resolve()),{done:!0,value:void 0}),T.return=async()=>(C(),{done:!0,value:void 0}),T},async dispose(){if(V=!0,E){const[x]=await E;x.close(1e3,"Normal Closure")}},terminate(){E&&$.emit("closed",new It)}}}class It extends Error{name="TerminatedCloseEvent";message="4499: Terminated";code=4499;reason="Terminated";wasClean=!1}function We(e){return me(e)&&"code"in e&&"reason"in e}function Tn(e){return[1e3,1001,1006,1005,1012,1013,1014].includes(e)?!1:e>=1e3&&e<=1999}function Rn(e){return typeof e=="function"&&"constructor"in e&&"CLOSED"in e&&"CLOSING"in e&&"CONNECTING"in e&&"OPEN"in e}let he=null;async function jn(){const e=await fetch("/api/session",{headers:{Accept:"application/json"}});if(!e.ok)return he=null,null;const t=await e.json();return he={user:t.user,admin:t.admin,csrfToken:t.csrf_token},he}async function An(){const e={Accept:"application/json"};he&&(e["X-CSRF-Token"]=he.csrfToken),await fetch("/logout",{method:"POST",headers:e}),he=null}function Ee(e=location.pathname+location.search){return"/login?next="+encodeURIComponent(e)}class pe extends Error{errors;constructor(t){super(t.map(r=>r.message).join("; ")||"request failed"),this.errors=t}has(t){return this.errors.some(r=>r.code===t)}}async function D(e,t,r){const s={"Content-Type":"application/json",Accept:"application/json"};he&&(s["X-CSRF-Token"]=he.csrfToken);const l={method:"POST",headers:s,body:JSON.stringify({query:e.toString(),variables:t}),credentials:"same-origin"},a=await fetch("/graphql",l);let d;try{d=await a.json()}catch{throw new pe([{message:`HTTP ${a.status}`,code:a.status===401?"UNAUTHENTICATED":null}])}if(d.errors?.length)throw new pe(d.errors.map(i=>({message:i.message,code:i.extensions?.code??null})));if(d.data==null)throw new pe([{message:`HTTP ${a.status}`,code:null}]);return d.data}async function Mn(e,t,r){const s=new URLSearchParams({repo:e,name:t});"version"in r?s.set("version",r.version):"stage"in r&&s.set("stage",r.stage);const l=await fetch("/api/model-registry/get-download-uris?"+s.toString(),{headers:{Accept:"application/json"},credentials:"same-origin"});let a;try{a=await l.json()}catch{throw new pe([{message:`HTTP ${l.status}`,code:null}])}if(!l.ok){const i=a??{};throw new pe([{message:typeof i.detail=="string"?i.detail:`HTTP ${l.status}`,code:typeof i.code=="string"?i.code:null}])}const d={};if(typeof a=="object"&&a!==null)for(const[i,u]of Object.entries(a))typeof u=="string"&&(d[i]=u);return d}let ze=null;function Pn(){if(!ze){const e=location.protocol==="https:"?"wss:":"ws:";ze=Cn({url:`${e}//${location.host}/graphql`,lazy:!0,retryAttempts:1/0,shouldRetry:()=>!0,retryWait:async t=>{await new Promise(r=>setTimeout(r,Math.min(1e3*2**t,15e3)))}})}return ze}function tt(e,t,r,s){return Pn().subscribe({query:e.toString(),variables:t},{next:l=>{l.data&&r(l.data)},error:l=>s?.(l),complete:()=>{}})}const nt=new Set;function rn(){for(const e of nt)e()}window.addEventListener("popstate",rn);function rt(e,t=!1){e!==location.pathname+location.search&&(t?history.replaceState(null,"",e):history.pushState(null,"",e),rn())}function Nn(){const[,e]=k(0);return L(()=>{const t=()=>e(r=>r+1);return nt.add(t),()=>{nt.delete(t)}},[]),{path:location.pathname,query:new URLSearchParams(location.search)}}const Dn=["/graphql","/login","/logout","/api/","/auth/"];function On(e){e.addEventListener("click",t=>{if(t.defaultPrevented||t.button!==0||t.metaKey||t.ctrlKey||t.shiftKey||t.altKey)return;const s=t.target?.closest("a");if(!s||s.target||s.hasAttribute("download"))return;const l=new URL(s.href,location.href);l.origin===location.origin&&(Dn.some(a=>l.pathname===a||l.pathname.startsWith(a))||(t.preventDefault(),rt(l.pathname+l.search)))})}function Be(e){return"/projects/"+encodeURIComponent(e)}function oe(e){if(!e)return"—";const t=new Date(e);return Number.isNaN(t.getTime())?e:t.toISOString().slice(0,16).replace("T"," ")+" UTC"}function Et(e,t=Date.now()){if(!e)return"never";const r=Math.round((t-new Date(e).getTime())/1e3);return r<60?`${Math.max(r,0)} s ago`:r<3600?`${Math.round(r/60)} min ago`:r<86400?`${Math.round(r/3600)} h ago`:`${Math.round(r/86400)} d ago`}function Ue(e){if(e==null)return"";if(typeof e=="number"){if(Number.isInteger(e))return String(e);const t=Math.abs(e);return t!==0&&(t<.001||t>=1e6)?e.toExponential(3):String(Number(e.toPrecision(5)))}return typeof e=="string"?e:typeof e=="boolean"?e?"true":"false":JSON.stringify(e)}function st(e){const t=Ue(e);return e>0?"+"+t:t}function Me(e){return e.split(":").slice(2).join(":")||e}class A extends String{__apiType;value;__meta__;constructor(t,r){super(t),this.value=t,this.__meta__=r}toString(){return this.value}}new A(`
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
    `,{fragmentName:"ModelFields"});new A(`
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
    `,{fragmentName:"RowFields"});new A(`
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
    `,{fragmentName:"ViewFields"});const Hn=new A(`
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
    `),qn=new A(`
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
    `),Ln=new A(`
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
    `),Bn=new A(`
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
}`),Un=new A(`
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
}`),Vn=new A(`
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
}`),Fn=new A(`
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
}`),Gn=new A(`
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
}`),Wn=new A(`
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
    `),zn=new A(`
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
    `),Jn=new A(`
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
    `),Xn=new A(`
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
    `),Kn=new A(`
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
    `),Qn=new A(`
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
    `),Yn=new A(`
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
    `),Zn=new A(`
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
}`),er=new A(`
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
    `),tr=new A(`
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
}`),nr=new A(`
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
}`),rr=new A(`
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
}`),sr=new A(`
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
    `),or=new A(`
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
    `),ir=new A(`
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
}`),ar=new A(`
    mutation DeleteView($input: DeleteViewInput!) {
  deleteView(input: $input) {
    deletedId
    errors {
      code
      message
    }
  }
}
    `),lr=new A(`
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
    `),cr=new A(`
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
}`),dr=new A(`
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
}`),ur=new A(`
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
    `),hr=new A(`
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
    `),pr=new A(`
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
    `),mr=new A(`
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
    `);function ge(e){L(()=>{document.title=e?`${e} · gitstudio`:"gitstudio"},[e])}function fr(){return ge("Not found"),n("section",{children:[n("h1",{children:"Not found"}),n("p",{children:["No page here. ",n("a",{href:"/",children:"All projects"})]})]})}function sn(e){return n("div",{class:"notice",role:"alert","data-testid":"sign-in-needed",children:e.signedIn?n("p",{children:[e.what," does not exist or you may not read it."]}):n("p",{children:[e.what," is not public. ",n("a",{href:Ee(),children:"Sign in"})," to see it."]})})}function Ce(e){const t=e.error instanceof Error?e.error.message:String(e.error);return n("div",{class:"notice error",role:"alert",children:n("p",{children:t})})}const gr=15e3;function _r(e){ge("Projects");const[t,r]=k(null),[s,l]=k(0),[a,d]=k(null),[i,u]=k(null);return L(()=>{let c=!1;const h=async()=>{try{const o=[];let m=null,f=0,b=!1;for(let _=0;_<20;_++){const p=await D(zn,{after:m});if(o.push(...p.projects.nodes),f=p.projects.totalCount,b=p.projects.pageInfo.hasNextPage,m=p.projects.pageInfo.endCursor,!b)break}if(c)return;r(o),l(f),d(b?m:null),u(null)}catch(o){c||u(o)}};h();const g=setInterval(()=>{h()},gr);return()=>{c=!0,clearInterval(g)}},[]),n("section",{"aria-labelledby":"projects-title",children:[n("h1",{id:"projects-title",children:"Projects"}),i?n(Ce,{error:i}):null,e.session?null:n("p",{class:"muted",children:["Signed out: only public projects are listed. ",n("a",{href:Ee("/"),children:"Sign in"})," to see yours."]}),t===null?n("p",{class:"muted",children:"Loading projects…"}):t.length===0?n("p",{children:"No projects yet. Add one with the createProject mutation or `gitstudio project add`."}):n(ee,{children:[n("table",{class:"projects","data-testid":"projects",children:[n("caption",{class:"sr-only",children:[s," projects"]}),n("thead",{children:n("tr",{children:[n("th",{scope:"col",children:"Project"}),n("th",{scope:"col",children:"Last sync"}),n("th",{scope:"col",children:"State"}),n("th",{scope:"col",class:"num",children:"Commits"}),n("th",{scope:"col",class:"num",children:"Rows"}),n("th",{scope:"col",children:"Running live experiments"})]})}),n("tbody",{children:t.map(c=>n("tr",{"data-testid":"project","data-project":c.name,children:[n("th",{scope:"row",children:[n("a",{href:Be(c.name),children:c.name}),n("div",{class:"muted small",title:c.repoUrl,children:[c.visibility.toLowerCase()," · ",c.defaultBranch??"no default branch"]})]}),n("td",{title:oe(c.lastSyncedAt),children:Et(c.lastSyncedAt)}),n("td",{children:[n("span",{class:`badge sync-${c.syncState.toLowerCase()}`,children:c.syncState.toLowerCase()}),c.lastSyncError?n("div",{class:"sync-error","data-testid":"sync-error",children:c.lastSyncError}):null]}),n("td",{class:"num",children:c.commits.totalCount}),n("td",{class:"num","data-testid":"row-count",children:c.rows.totalCount}),n("td",{"data-testid":"running",children:c.running.totalCount===0?n("span",{class:"muted",children:"none"}):n("ul",{class:"running",children:[c.running.nodes.map(h=>n("li",{children:[n("span",{class:"live-dot","aria-hidden":"true"}),h.name??h.id," · step ",h.lastStep??0," · ",Et(h.lastEventAt)]},h.id)),c.running.totalCount>c.running.nodes.length?n("li",{class:"muted",children:["and ",c.running.totalCount-c.running.nodes.length," more"]}):null]})})]},c.id))})]}),a?n("p",{class:"muted",children:["Showing the first ",t.length," of ",s," projects."]}):null]})]})}const yr=(function(){const t=typeof document<"u"&&document.createElement("link").relList;return t&&t.supports&&t.supports("modulepreload")?"modulepreload":"preload"})(),br=function(e){return"/"+e},xt={},Ct=function(t,r,s){let l=Promise.resolve();if(r&&r.length>0){let c=function(h){return Promise.all(h.map(g=>Promise.resolve(g).then(o=>({status:"fulfilled",value:o}),o=>({status:"rejected",reason:o}))))};var d=c;document.getElementsByTagName("link");const i=document.querySelector("meta[property=csp-nonce]"),u=i?.nonce||i?.getAttribute("nonce");l=c(r.map(h=>{if(h=br(h),h in xt)return;xt[h]=!0;const g=h.endsWith(".css"),o=g?'[rel="stylesheet"]':"";if(document.querySelector(`link[href="${h}"]${o}`))return;const m=document.createElement("link");if(m.rel=g?"stylesheet":yr,g||(m.as="script"),m.crossOrigin="",m.href=h,u&&m.setAttribute("nonce",u),document.head.appendChild(m),g)return new Promise((f,b)=>{m.addEventListener("load",f),m.addEventListener("error",()=>b(new Error(`Unable to preload CSS for ${h}`)))})}))}function a(i){const u=new Event("vite:preloadError",{cancelable:!0});if(u.payload=i,window.dispatchEvent(u),!u.defaultPrevented)throw i}return l.then(i=>{for(const u of i||[])u.status==="rejected"&&a(u.reason);return t().catch(a)})};async function on(e,t){const[{default:r},{expressionInterpreter:s}]=await Promise.all([Ct(()=>import("./embed-ji_c-7H5.js"),__vite__mapDeps([0,1])),Ct(()=>import("./vega-interpreter-BmnYaw1U.js").then(a=>a.v),[])]),l=await r(e,t,{ast:!0,expr:s,actions:!1,defaultStyle:!1,renderer:"canvas",tooltip:{disableDefaultStyle:!0}});return{finalize:()=>l.finalize(),insert:async(a,d)=>{await l.view.insert(a,d).runAsync()}}}function wr(e,t){return{$schema:"https://vega.github.io/schema/vega-lite/v6.json",title:e,width:360,height:200,data:{name:"points",values:t},mark:{type:"line",point:!0,tooltip:!0},encoding:{x:{field:"step",type:"quantitative",title:"step"},y:{field:"value",type:"quantitative",title:e,scale:{zero:!1}},color:{field:"rev",type:"nominal",title:"row"}}}}const vr="plot_rows";function Je(e){return typeof e=="object"&&e!==null&&!Array.isArray(e)}function Sr(e){if(!Je(e))return null;const t=e.data;if(Je(t)&&Array.isArray(t.values)){const r=typeof t.name=="string"&&t.name?t.name:vr;return{spec:{...e,data:{...t,name:r}},dataset:r,rows:t.values}}if(Array.isArray(t)){for(const r of t)if(Je(r)&&typeof r.name=="string"&&Array.isArray(r.values))return{spec:e,dataset:r.name,rows:r.values}}return null}const kr=2e4;function Tt(e){return typeof e=="object"&&e!==null&&!Array.isArray(e)}class $r{kept=[];listeners=new Set;listen(t){for(const r of this.kept)t(r);return this.listeners.add(t),()=>{this.listeners.delete(t)}}follow(t,r,s){return tt(Ln,{projectId:t,experimentId:r,sinceStep:s},l=>{const a=l.liveMetrics;if(a.type!=="DATA"||a.step===null)return;const d={};if(Tt(a.plotRows))for(const[i,u]of Object.entries(a.plotRows))Array.isArray(u)&&(d[i]=u);this.emit({rowId:r,step:a.step,metrics:Tt(a.metrics)?a.metrics:{},plotRows:d})})}emit(t){this.kept.length>=kr&&this.kept.shift(),this.kept.push(t);for(const r of this.listeners)r(t)}}const Ir=12,Er=500;function xr(e){const t=[...new Set(e.rows.flatMap(s=>s.metricNames))].sort().slice(0,Ir),r=e.rows.map(s=>s.id).join(",");return t.length===0?null:n("div",{class:"plots","data-testid":"metric-charts",children:t.map(s=>n(Cr,{name:s,rows:e.rows.filter(l=>l.metricNames.includes(s)),feed:e.feed},`${r}:${s}`))})}function Cr(e){const t=Ie(null),[r,s]=k(0),[l,a]=k(null);return L(()=>{const d=t.current;if(!d)return;const i={stopped:!1},u=()=>i.stopped;let c=null,h=()=>{};const g=new Map;let o=0;return(async()=>{const b=(await Promise.all(e.rows.map(async p=>{const $=(await D(qn,{id:p.id,name:e.name,maxPoints:Er})).node,S=$&&"metricHistory"in $?$.metricHistory:null,E=[];return S&&S.steps.forEach((P,W)=>{const B=S.values[W];typeof B=="number"&&E.push({rev:p.label,step:P,value:B})}),E}))).flat();for(const p of b)g.set(p.rev,Math.max(g.get(p.rev)??-1,p.step));if(u())return;if(c=await on(d,wr(e.name,b)),u()){c.finalize();return}o=b.length,s(o);const _=new Map(e.rows.filter(p=>p.live).map(p=>[p.id,p.label]));h=e.feed.listen(p=>{const v=_.get(p.rowId),$=p.metrics[e.name];v===void 0||typeof $!="number"||(g.get(v)??-1)>=p.step||(g.set(v,p.step),o+=1,s(o),c?.insert("points",[{rev:v,step:p.step,value:$}]))})})().catch(f=>a(f instanceof Error?f.message:String(f))),()=>{i.stopped=!0,h(),c?.finalize()}},[]),n("figure",{class:"plot","data-testid":"metric-chart","data-metric":e.name,"data-points":r,children:[n("figcaption",{children:e.name}),n("div",{ref:t,class:"chart"}),l?n("p",{class:"sync-error",children:l}):null]})}function Tr(e){const[t,r]=k(null),[s,l]=k(null),[a,d]=k(!0),i=e.ids.join(",");L(()=>{let o=!1;return r(null),D(Hn,{projectId:e.projectId,ids:e.ids,baseline:e.baselineId}).then(m=>{const f=m.node;!o&&f&&"compare"in f&&r(f.compare)}).catch(m=>{o||l(m instanceof Error?m.message:String(m))}),()=>{o=!0}},[e.projectId,i,e.baselineId]);const u=xe(()=>new $r,[t]);L(()=>{if(!t)return;const o=t.experiments.filter(m=>m.kind==="LIVE"&&(m.status==="RUNNING"||m.status==="QUEUED")).map(m=>u.follow(e.projectId,m.id,m.lastStep===null?null:m.lastStep-1));return()=>{for(const m of o)m()}},[u]);const c=t?.experiments.some(o=>o.kind==="LIVE"&&(o.status==="RUNNING"||o.status==="QUEUED"))??!1,h=new Set(t?.differing??[]),g=t?t.rows.filter(o=>!a||h.has(o.column)):[];return n("section",{class:"compare","aria-labelledby":"compare-title","data-testid":"compare-panel",children:[n("div",{class:"compare-head",children:[n("h2",{id:"compare-title",children:["Compare ",e.ids.length," rows"]}),n("label",{children:[n("input",{type:"checkbox",checked:a,onChange:o=>d(o.currentTarget.checked)})," only columns that differ"]}),n("button",{type:"button",onClick:e.onClose,children:"Close compare"})]}),s?n("p",{class:"sync-error",children:s}):null,!t&&!s?n("p",{class:"muted",children:"Loading…"}):null,t?n(ee,{children:[n("div",{class:"compare-table-wrap",children:n("table",{class:"compare-table",children:[n("thead",{children:n("tr",{children:[n("th",{scope:"col",children:"Column"}),t.experiments.map(o=>n("th",{scope:"col",children:o.name??o.sha?.slice(0,7)??o.id},o.id))]})}),n("tbody",{children:g.map(o=>n("tr",{children:[n("th",{scope:"row",title:o.column,children:o.column}),o.values.map((m,f)=>{const b=o.deltas[f],_=o.better[f];return n("td",{class:`num ${_===!0?"better":_===!1?"worse":""}`,children:[Ue(m),b!=null&&b!==0?n("span",{class:"delta",children:[" (",st(b),")"]}):null]},f)})]},o.column))})]})}),n(xr,{feed:u,rows:t.experiments.map(o=>({id:o.id,label:o.name??o.sha?.slice(0,7)??o.id,live:o.kind==="LIVE"&&(o.status==="RUNNING"||o.status==="QUEUED"),metricNames:o.metricNames}))}),n("div",{class:"plots","data-testid":"plots",children:[t.plots.map(o=>n(Rr,{plot:o,feed:c?u:null},o.id)),t.plots.length===0?n("p",{class:"muted",children:"These rows have no plots."}):null]}),t.plotErrors.length?n("ul",{class:"plot-errors",children:t.plotErrors.map((o,m)=>n("li",{class:"sync-error",children:[o.revision,": ",o.plot??"all plots",": ",o.message]},m))}):null]}):null]})}function Rr(e){const{plot:t}=e,[r,s]=k(null);return t.kind==="IMAGE"?n(Ar,{plot:t}):n("figure",{class:"plot","data-testid":"plot","data-plot":t.id,"data-rows":r??void 0,children:[n("figcaption",{children:t.id}),n(an,{spec:t.spec,live:e.feed?{feed:e.feed,plot:t.id,onRows:s}:null})]})}function jr(e){const t=new Map;for(const r of e){if(typeof r!="object"||r===null)continue;const{rev:s,step:l}=r;typeof l=="number"&&t.set(s,Math.max(t.get(s)??-1/0,l))}return t}function Ar(e){const{plot:t}=e,r=[...new Set(t.images.map(u=>u.step).filter(u=>u!==null))].sort((u,c)=>u-c),[s,l]=k(r.length-1),a=r[Math.min(Math.max(s,0),r.length-1)],i=[...new Set(t.images.map(u=>u.revision))].map(u=>{const c=t.images.filter(g=>g.revision===u);if(a===void 0)return c[c.length-1];const h=c.filter(g=>g.step===null||g.step<=a);return h[h.length-1]??c[0]}).filter(u=>u!==void 0);return n("figure",{class:"plot","data-testid":"plot","data-plot":t.id,children:[n("figcaption",{children:t.id}),r.length>1?n("label",{class:"step-slider",children:["Step ",a,n("input",{type:"range",min:0,max:r.length-1,value:s,onInput:u=>l(Number(u.currentTarget.value)),"data-testid":"step-slider"})]}):null,n("div",{class:"images",children:i.map(u=>n("img",{src:u.url,alt:`${t.id} of ${u.revision}${u.step!==null?` at step ${u.step}`:""}`,loading:"lazy"},u.url))})]})}function an(e){const t=Ie(null),[r,s]=k("loading"),l=e.live??null;return L(()=>{const a=t.current;if(!a||e.spec==null)return;let d=null,i=!1,u=()=>{};const c=l?Sr(e.spec):null;return on(a,c?c.spec:e.spec).then(h=>{if(i){h.finalize();return}if(d=h,s("ready"),!l||!c)return;const g=jr(c.rows);let o=c.rows.length;l.onRows(o),u=l.feed.listen(m=>{const f=(m.plotRows[l.plot]??[]).filter(b=>{if(typeof b!="object"||b===null)return!1;const{rev:_}=b,p=g.get(_);return p===void 0||m.step>p});if(f.length!==0){for(const b of f)g.set(b.rev,m.step);o+=f.length,l.onRows(o),h.insert(c.dataset,f)}})}).catch(h=>s(h instanceof Error?h.message:String(h))),()=>{i=!0,u(),d?.finalize()}},[e.spec,l?.feed]),n("div",{class:"chart-wrap","data-state":r==="loading"||r==="ready"?r:"error",children:[n("div",{ref:t,class:"chart","data-testid":"chart"}),r!=="loading"&&r!=="ready"?n("p",{class:"sync-error",children:r}):null]})}const Mr=[{op:"EQ",label:"="},{op:"NE",label:"≠"},{op:"GT",label:">"},{op:"GTE",label:"≥"},{op:"LT",label:"<"},{op:"LTE",label:"≤"},{op:"CONTAINS",label:"contains"},{op:"EXISTS",label:"exists"}],Pr=[{field:"BRANCH",label:"Branch"},{field:"AUTHOR",label:"Author"},{field:"MESSAGE",label:"Message"},{field:"COMMITTED_AT",label:"Created"}],Nr={branch:"",onBranch:"",tag:"",detached:"",author:"",message:""};function ln(e){const t=e.filter(s=>s.kind==="METRIC").map(s=>s.id),r=e.filter(s=>s.kind==="PARAM").map(s=>s.id);return t.length+r.length<=40?[...t,...r]:[...t.slice(0,20),...r.slice(0,20)]}function Rt(e){return{columns:ln(e.columns),sort:null,git:{...Nr},conditions:[],showHidden:!1,groupByBranch:!0,baselineId:null,baseline:null,deltas:!1,viewGoals:{},view:null}}function Se(e){const t={},r=e.git;r.branch&&(t.branch=r.branch),r.onBranch&&(t.onBranch=r.onBranch),r.tag&&(t.tag=r.tag),r.detached&&(t.detached=r.detached==="only"),r.author.trim()&&(t.author=r.author.trim()),r.message.trim()&&(t.message=r.message.trim());const s=e.conditions.filter(l=>l.column);return s.length&&(t.columns=s),e.showHidden&&(t.includeHidden=!0),t}function Pe(e){return e?e.key.startsWith("field:")?[{field:e.key.slice(6),direction:e.direction}]:[{column:e.key,direction:e.direction}]:null}function jt(e){return(e.sort===null||e.sort.key==="field:COMMITTED_AT")&&e.conditions.length===0&&!e.git.author.trim()&&!e.git.message.trim()}function ye(e){return typeof e=="string"?e:""}function At(e,t,r,s=[]){const l=new Set(t.columns.map(o=>o.id)),a=e.filter??{},i=(Array.isArray(e.order)?e.order:[])[0];let u=null;if(i){const o=i.direction==="ASC"?"ASC":"DESC";typeof i.column=="string"&&i.column?u={key:i.column,direction:o}:typeof i.field=="string"&&i.field&&(u={key:"field:"+i.field,direction:o})}const c=a.detached===!0?"only":a.detached===!1?"none":"",h={};for(const o of s)o.goal&&(h[o.column]=o.goal);const g=e.columns.filter(o=>l.has(o));return{...r,columns:g.length?g:ln(t.columns),sort:u,git:{branch:ye(a.branch),onBranch:ye(a.onBranch),tag:ye(a.tag),detached:c,author:ye(a.author),message:ye(a.message)},conditions:Array.isArray(a.columns)?a.columns:[],showHidden:e.includeHidden,baselineId:e.baseline?.id??null,baseline:null,deltas:r.deltas&&e.baseline!==null,viewGoals:h,view:e.name}}function Dr(e,t){const r=new Map;for(const s of e.columnGoals)s.goal&&r.set(s.column,s.goal);for(const[s,l]of Object.entries(t.viewGoals))r.set(s,l);return r}function cn(e){const t=e.trim();if(t==="")return null;try{return JSON.parse(t)}catch{return t}}function Or(e,t){const r=new URLSearchParams;r.set("filter",JSON.stringify(Se(t)));const s=Pe(t.sort);s&&r.set("orderBy",JSON.stringify(s));for(const l of t.columns)r.append("columns",l);return`/api/projects/${e}/experiments.csv?${r.toString()}`}function Xe(e){const[t,r]=k(e.value);return L(()=>{r(e.value)},[e.value]),n("input",{type:e.type,value:t,onInput:s=>r(s.currentTarget.value),onChange:s=>e.commit(s.currentTarget.value)})}function Hr(e){const{project:t,state:r,update:s}=e,l=c=>s({git:{...r.git,...c}}),a=t.branches.filter(c=>r.showHidden||!c.hidden),d=r.conditions,i=(c,h)=>s({conditions:d.map((g,o)=>o===c?{...g,...h}:g)}),u=d.length+Object.values(r.git).filter(c=>c!=="").length;return n("details",{class:"panel","data-testid":"filters",children:[n("summary",{children:["Filters",u?` (${u})`:""]}),n("div",{class:"panel-body",children:[n("fieldset",{children:[n("legend",{children:"Git"}),n("label",{children:["Branch",n("select",{value:r.git.branch,onChange:c=>l({branch:c.currentTarget.value}),"data-testid":"filter-branch",children:[n("option",{value:"",children:"any"}),a.map(c=>n("option",{value:c.name,children:c.name},c.name))]})]}),n("label",{children:["Commits on branch",n("select",{value:r.git.onBranch,onChange:c=>l({onBranch:c.currentTarget.value}),children:[n("option",{value:"",children:"any"}),a.map(c=>n("option",{value:c.name,children:c.name},c.name))]})]}),n("label",{children:["Tag",n("select",{value:r.git.tag,onChange:c=>l({tag:c.currentTarget.value}),children:[n("option",{value:"",children:"any"}),t.tags.map(c=>n("option",{value:c.name,children:c.name},c.name))]})]}),n("label",{children:["Detached",n("select",{value:r.git.detached,onChange:c=>l({detached:c.currentTarget.value}),children:[n("option",{value:"",children:"shown"}),n("option",{value:"only",children:"only"}),n("option",{value:"none",children:"left out"})]})]}),n("label",{children:["Author",n(Xe,{type:"search",value:r.git.author,commit:c=>l({author:c})})]}),n("label",{children:["Message",n(Xe,{type:"search",value:r.git.message,commit:c=>l({message:c})})]})]}),n("fieldset",{children:[n("legend",{children:"Values"}),d.map((c,h)=>n("div",{class:"condition","data-testid":"condition",children:[n("label",{children:[n("span",{class:"sr-only",children:["Column of condition ",h+1]}),n("select",{value:c.column,onChange:g=>i(h,{column:g.currentTarget.value}),children:t.columns.map(g=>n("option",{value:g.id,children:g.id},g.id))})]}),n("label",{children:[n("span",{class:"sr-only",children:["Operator of condition ",h+1]}),n("select",{value:c.op,onChange:g=>i(h,{op:g.currentTarget.value}),children:Mr.map(g=>n("option",{value:g.op,children:g.label},g.op))})]}),c.op!=="EXISTS"?n("label",{children:[n("span",{class:"sr-only",children:["Value of condition ",h+1]}),n(Xe,{type:"text",value:c.value===null||c.value===void 0?"":typeof c.value=="string"?c.value:JSON.stringify(c.value),commit:g=>i(h,{value:cn(g)})})]}):null,n("button",{type:"button","aria-label":`Remove condition ${h+1}`,onClick:()=>s({conditions:d.filter((g,o)=>o!==h)}),children:"✕"})]},h)),n("button",{type:"button",disabled:t.columns.length===0,onClick:()=>{const c=t.columns.find(h=>h.kind==="METRIC")??t.columns[0];c&&s({conditions:[...d,{column:c.id,op:"GT",value:null}]})},children:"Add condition"})]}),u?n("button",{type:"button",onClick:()=>s({conditions:[],git:{branch:"",onBranch:"",tag:"",detached:"",author:"",message:""}}),children:"Clear filters"}):null]})]})}function qr(e){const{project:t,state:r,update:s}=e,[l,a]=k(""),d=new Set(r.columns),i=new Map(t.columnGoals.map(f=>[f.column,f.goal])),u=(f,b)=>{const _=[...r.columns],p=_.indexOf(f),v=p+b;p<0||v<0||v>=_.length||([_[p],_[v]]=[_[v],_[p]],s({columns:_}))},c=(f,b)=>s({columns:b?[...r.columns,f]:r.columns.filter(_=>_!==f)}),h=(f,b)=>{const _={};for(const[p,v]of Object.entries(r.viewGoals))p!==f&&(_[p]=v);(b==="HIGHER"||b==="LOWER")&&(_[f]=b),s({viewGoals:_})},g=l.trim().toLowerCase(),o=new Map(t.columns.map(f=>[f.id,f])),m=[...r.columns.map(f=>o.get(f)).filter(f=>f!==void 0),...t.columns.filter(f=>!d.has(f.id))].filter(f=>!g||f.id.toLowerCase().includes(g));return n("details",{class:"panel","data-testid":"columns-chooser",children:[n("summary",{children:["Columns (",r.columns.length,"/",t.columns.length,")"]}),n("div",{class:"panel-body columns-body",children:[n("div",{class:"row-controls",children:[n("label",{children:["Find",n("input",{type:"search",value:l,onInput:f=>a(f.currentTarget.value)})]}),n("button",{type:"button",onClick:()=>s({columns:t.columns.map(f=>f.id)}),children:"Show all"}),n("button",{type:"button",onClick:()=>s({columns:[]}),children:"Hide all"}),e.saveProjectGoals&&Object.keys(r.viewGoals).length?n("button",{type:"button",onClick:e.saveProjectGoals,"data-testid":"save-project-goals",children:"Make these goals the project's"}):null]}),n("ul",{class:"columns-list",children:m.map(f=>{const b=d.has(f.id),_=r.viewGoals[f.id]??"";return n("li",{"data-testid":"column-option","data-column":f.id,children:[n("label",{class:"grow",children:[n("input",{type:"checkbox",checked:b,onChange:p=>c(f.id,p.currentTarget.checked)}),n("span",{class:`kind kind-${f.kind.toLowerCase()}`,children:f.kind==="METRIC"?"M":"P"})," ",f.id]}),n("label",{children:[n("span",{class:"sr-only",children:["Goal of ",f.id]}),n("select",{value:_,onChange:p=>h(f.id,p.currentTarget.value),children:[n("option",{value:"",children:i.get(f.id)?`project: ${(i.get(f.id)??"").toLowerCase()}`:"no goal"}),n("option",{value:"HIGHER",children:"higher is better"}),n("option",{value:"LOWER",children:"lower is better"})]})]}),n("button",{type:"button",disabled:!b,"aria-label":`Move ${f.id} left`,onClick:()=>u(f.id,-1),children:"↑"}),n("button",{type:"button",disabled:!b,"aria-label":`Move ${f.id} right`,onClick:()=>u(f.id,1),children:"↓"})]},f.id)})})]})]})}function Lr(e){const[t,r]=k(""),[s,l]=k(!1),[a,d]=k(null),i=e.views.find(u=>u.name===e.current)??null;return n("div",{class:"views","data-testid":"views",children:[n("label",{children:["View",n("select",{value:e.current??"","data-testid":"view-select",onChange:u=>e.pick(u.currentTarget.value||null),children:[n("option",{value:"",children:"(none)"}),e.views.map(u=>n("option",{value:u.name,children:[u.name,u.shared?" (shared)":""]},u.id))]})]}),i?n("button",{type:"button",onClick:()=>{e.remove(i).then(d)},children:"Delete view"}):null,e.signedIn?n("form",{class:"save-view",onSubmit:u=>{u.preventDefault();const c=t.trim()||e.current||"";if(!c){d("Name the view");return}e.save(c,s).then(h=>{d(h??`Saved “${c}”`),h||r("")})},children:[n("label",{children:["Save as",n("input",{type:"text",value:t,placeholder:e.current??"view name",onInput:u=>r(u.currentTarget.value),"data-testid":"view-name"})]}),n("label",{children:[n("input",{type:"checkbox",checked:s,onChange:u=>l(u.currentTarget.checked)})," shared"]}),n("button",{type:"submit",children:"Save view"})]}):null,a?n("span",{class:"muted",role:"status",children:a}):null]})}function Br(e){const t=[];if(typeof e!="object"||e===null)return t;for(const[r,s]of Object.entries(e)){const l=typeof s=="object"&&s!==null&&"data"in s?s.data:s,a=(d,i)=>{if(typeof d=="object"&&d!==null&&!Array.isArray(d))for(const[u,c]of Object.entries(d))a(c,i?`${i}.${u}`:u);else i&&t.push({file:r,path:i,value:d})};a(l,"")}return t}function Mt(e){return typeof e=="string"?e:Ue(e)}function Ur(e){const[t,r]=k(null),[s,l]=k(""),[a,d]=k({}),[i,u]=k("BRANCH"),[c,h]=k(""),[g,o]=k(""),[m,f]=k(null),[b,_]=k(!1);L(()=>{D(Jn,{id:e.rowId}).then(S=>{const E=S.node;!E||!("params"in E)||(r(Br(E.params)),l(E.commit?.sha??E.sha??""))}).catch(S=>f(S instanceof Error?S.message:String(S)))},[e.rowId]);const p=S=>`${S.file}\0${S.path}`,v=(t??[]).filter(S=>p(S)in a&&a[p(S)]!==Mt(S.value)).map(S=>({file:S.file,path:S.path,value:cn(a[p(S)]??"")})),$=async()=>{_(!0);try{const E=(await D(Xn,{input:{projectId:e.projectId,baseRev:s,paramChanges:v,target:i,branch:c.trim()||null,message:g.trim()||null}})).runExperiment,P=E.errors[0];if(P)f(`${P.code}: ${P.message}`);else{const W=E.pullRequest;f(`Committed ${E.commit?.sha.slice(0,7)??""}${E.branch?` on ${E.branch}`:""}${W?`, pull request #${W.number}`:""}`)}}catch(S){f(S instanceof Error?S.message:String(S))}finally{_(!1)}};return n("section",{class:"compare","aria-labelledby":"run-title","data-testid":"run-panel",children:[n("div",{class:"compare-head",children:[n("h2",{id:"run-title",children:["Run an experiment from ",e.label]}),n("button",{type:"button",onClick:e.onClose,children:"Close"})]}),t===null?n("p",{class:"muted",children:"Loading params…"}):null,t?n("form",{onSubmit:S=>{S.preventDefault(),$()},children:[n("div",{class:"params-grid",children:t.map(S=>n("label",{class:"param","data-testid":"param","data-file":S.file,"data-path":S.path,children:[n("span",{class:"muted small",children:S.file})," ",S.path,n("input",{type:"text",value:a[p(S)]??Mt(S.value),onInput:E=>d({...a,[p(S)]:E.currentTarget.value})})]},p(S)))}),n("fieldset",{children:[n("legend",{children:"Where the commit goes"}),n("label",{children:["Base",n("input",{type:"text",value:s,onInput:S=>l(S.currentTarget.value),required:!0})]}),n("label",{children:["Target",n("select",{value:i,onChange:S=>u(S.currentTarget.value),"data-testid":"run-target",children:[n("option",{value:"COMMIT",children:"commit onto the branch"}),n("option",{value:"BRANCH",children:"a new branch"}),n("option",{value:"PULL_REQUEST",children:"a new branch and a pull request"})]})]}),n("label",{children:["Branch",n("input",{type:"text",value:c,onInput:S=>h(S.currentTarget.value),"data-testid":"run-branch"})]}),n("label",{children:["Message",n("input",{type:"text",value:g,onInput:S=>o(S.currentTarget.value)})]}),n("button",{type:"submit",class:"primary",disabled:b||v.length===0,"data-testid":"run-submit",children:["Run (",v.length," changed)"]})]})]}):null,m?n("p",{class:"notice",role:"status","data-testid":"run-result",children:m}):null]})}function Vr(e){const[t,r]=k(null),[s,l]=k(null),a=async()=>{const u=(await D(Kn,{projectId:e.projectId,state:null})).node;r(u&&"pullRequests"in u?u.pullRequests:[])};L(()=>{a().catch(i=>l(i instanceof Error?i.message:String(i)))},[e.projectId]);const d=async(i,u)=>{try{const c={pullRequestId:i.id},g=(u?(await D(Qn,{input:c})).mergePullRequest:(await D(Yn,{input:c})).closePullRequest).errors[0];l(g?`${g.code}: ${g.message}`:`#${i.number} ${u?"merged":"closed"}`),await a()}catch(c){l(c instanceof Error?c.message:String(c))}};return n("section",{class:"compare","aria-labelledby":"prs-title","data-testid":"pull-requests",children:[n("div",{class:"compare-head",children:[n("h2",{id:"prs-title",children:"Pull requests"}),n("button",{type:"button",onClick:e.onClose,children:"Close"})]}),s?n("p",{class:"muted",role:"status",children:s}):null,t===null?n("p",{class:"muted",children:"Loading…"}):t.length===0?n("p",{class:"muted",children:"No pull requests."}):n("table",{class:"projects",children:[n("thead",{children:n("tr",{children:[n("th",{scope:"col",children:"#"}),n("th",{scope:"col",children:"Title"}),n("th",{scope:"col",children:"Branches"}),n("th",{scope:"col",children:"State"}),n("th",{scope:"col",children:"Opened"}),n("th",{scope:"col",children:n("span",{class:"sr-only",children:"Actions"})})]})}),n("tbody",{children:t.map(i=>n("tr",{"data-testid":"pull-request","data-number":i.number,children:[n("td",{children:i.url?n("a",{href:i.url,children:["#",i.number]}):`#${i.number}`}),n("th",{scope:"row",children:i.title}),n("td",{children:[i.sourceBranch," → ",i.targetBranch]}),n("td",{children:[i.state.toLowerCase(),i.state==="OPEN"&&i.mergeable===!1?` (conflicts: ${i.conflicts.join(", ")})`:""]}),n("td",{children:[oe(i.createdAt)," by ",i.createdBy]}),n("td",{children:i.state==="OPEN"&&i.forge===null?n(ee,{children:[n("button",{type:"button",disabled:i.mergeable===!1,onClick:()=>{d(i,!0)},children:["Merge #",i.number]})," ",n("button",{type:"button",onClick:()=>{d(i,!1)},children:["Close #",i.number]})]}):null})]},i.id))})]})]})}const Fr=200;function Gr(e){const{project:t}=e,r=t.columns.filter(o=>o.kind==="METRIC"&&o.type==="number"),s=t.branches.filter(o=>!o.hidden),[l,a]=k(t.defaultBranch??s[0]?.name??""),[d,i]=k(r[0]?.id??""),[u,c]=k(null),[h,g]=k(null);return L(()=>{if(!l||!d)return;let o=!1;return c(null),D(mr,{projectId:t.id,branch:l,columns:[d],first:Fr}).then(m=>{const f=m.node;if(o||!f||!("trends"in f))return;const b=f.trends.filter(_=>typeof _.values[0]=="number").map(_=>({committedAt:_.committedAt,value:_.values[0],sha:_.sha.slice(0,7),message:_.message}));c({$schema:"https://vega.github.io/schema/vega-lite/v6.json",title:`${Me(d)} on ${l}`,width:560,height:220,data:{values:b},mark:{type:"line",point:!0,tooltip:!0},encoding:{x:{field:"committedAt",type:"temporal",title:"committed"},y:{field:"value",type:"quantitative",title:Me(d),scale:{zero:!1}},tooltip:[{field:"sha",title:"commit"},{field:"message",title:"message"},{field:"value",title:Me(d)}]}}),g(null)}).catch(m=>{o||g(m instanceof Error?m.message:String(m))}),()=>{o=!0}},[t.id,l,d]),n("section",{class:"compare","aria-labelledby":"trends-title","data-testid":"trends-panel",children:[n("div",{class:"compare-head",children:[n("h2",{id:"trends-title",children:"Trends"}),n("label",{children:["Branch",n("select",{value:l,onChange:o=>a(o.currentTarget.value),children:s.map(o=>n("option",{value:o.name,children:o.name},o.name))})]}),n("label",{children:["Metric",n("select",{value:d,onChange:o=>i(o.currentTarget.value),children:r.map(o=>n("option",{value:o.id,children:o.id},o.id))})]}),n("button",{type:"button",onClick:e.onClose,children:"Close trends"})]}),h?n("p",{class:"sync-error",children:h}):null,r.length===0?n("p",{class:"muted",children:"This project has no numeric metric."}):null,u?n(an,{spec:u}):null]})}function Wr(e,t){switch(e.t){case"branch":return"b:"+e.seg.key;case"row":return e.seg.key+":"+e.row.id;case"child":return e.seg.key+":"+e.parent.id+":"+e.row.id;case"more":return`m:${e.seg.key}:${String(t)}`}}const zr=9e4,Jr=500,Xr=20;function Kr(e,t,r){const s=4+e,l=s+2+(t?1+Xr*s:0),a=Math.floor(zr/l);return Math.max(5,Math.min(r?100:Jr,a))}function Qr(e,t){const{commit:r,...s}=e,l={...s,committedAt:r?.committedAt,branches:r?.branches};return t&&e.kind==="COMMIT"&&(l.children=r?.experiments?[...r.experiments]:[]),l}class Yr{query;segments;onChange;stopped=!1;itemsCache=null;rowItems=new WeakMap;placeholders=new Map;branchItems=new Map;ids=new Map;collapsedBranches;collapsedRows;includeHidden;constructor(t,r,s,l={branches:new Set,rows:new Set}){this.collapsedBranches=l.branches,this.collapsedRows=l.rows,this.query=t,this.segments=r,this.onChange=s,this.includeHidden=!!t.filter.includeHidden}stop(){this.stopped=!0}isStopped(){return this.stopped}changed(){this.itemsCache=null,this.stopped||this.onChange()}reread(){this.generation+=1,this.ids.clear();for(const t of this.segments)Object.assign(t,{rows:[],total:null,cursor:null,hasNext:!0,loading:!1,error:null});this.changed()}generation=0;async load(t){if(t.loading||!t.hasNext&&t.total!==null||this.stopped)return;t.loading=!0;const r=this.generation;try{const s={projectId:this.query.projectId,filter:t.filter,orderBy:this.query.orderBy,first:Kr(this.query.columns.length,this.query.nested,t.total===null),after:t.cursor,columns:this.query.columns},l=this.query.nested?await D(rr,s):await D(nr,s);if(this.isStopped()||r!==this.generation)return;const a=l.node;if(!a||!("experiments"in a))throw new Error("the project is gone");const d=a.experiments,i=this.idsOf(t);for(const u of d.nodes)i.has(u.id)||(i.add(u.id),t.rows.push(Qr(u,this.query.nested)));t.total=Math.max(d.totalCount,t.rows.length),t.cursor=d.pageInfo.endCursor,t.hasNext=d.pageInfo.hasNextPage,t.hasNext||(t.total=t.rows.length),t.error=null}catch(s){if(r!==this.generation)return;t.error=s instanceof Error?s.message:String(s),t.hasNext=!1,t.total=t.rows.length}finally{r===this.generation&&(t.loading=!1,this.changed())}}idsOf(t){let r=this.ids.get(t);return r||(r=new Set(t.rows.map(s=>s.id)),this.ids.set(t,r)),r}items(){if(this.itemsCache)return this.itemsCache;const t=[],r=this.rowItems;for(const s of this.segments){if(s.key==="detached"&&s.total===0||s.label!==null&&(t.push(this.placeholder(s,"branch")),this.collapsedBranches.has(s.key)))continue;for(const a of s.rows){if(!this.includeHidden&&a.hidden)continue;let d=r.get(a);if(d?.seg!==s&&(d={t:"row",row:a,seg:s,depth:0},r.set(a,d)),t.push(d),a.children&&!this.collapsedRows.has(a.id))for(const i of a.children){if(!this.includeHidden&&i.hidden)continue;let u=r.get(i);(u?.t!=="child"||u.parent!==a||u.seg!==s)&&(u={t:"child",row:i,parent:a,seg:s,depth:1},r.set(i,u)),t.push(u)}}const l=s.error||s.total===null?1:s.total-s.rows.length;if(l>0){const a=this.placeholder(s,"more"),d=t.length;t.length=d+l,t.fill(a,d)}}return this.itemsCache=t,t}placeholder(t,r){const s=r==="branch"?this.branchItems:this.placeholders,l=s.get(t);if(l)return l;const a=r==="branch"?{t:"branch",seg:t}:{t:"more",seg:t};return s.set(t,a),a}*places(t){for(const r of this.segments)for(let s=0;s<r.rows.length;s++){const l=r.rows[s];if(l&&(l.id===t&&(yield{list:r.rows,index:s}),l.children)){const a=l.children.findIndex(d=>d.id===t);a>=0&&(yield{list:l.children,index:a})}}}upsert(t,r){let s=!1;for(const{list:l,index:a}of this.places(t.id)){const d=l[a];d&&(l[a]={...d,...t}),s=!0}return!s&&r&&(s=this.place(t)),s&&this.changed(),s}place(t){if(this.query.nested&&t.kind!=="COMMIT"){let s=!1;for(const a of this.segments)for(const d of a.rows)d.kind==="COMMIT"&&d.sha&&d.sha===t.baselineSha&&d.children&&(d.children.unshift({...t}),s=!0);if(s)return!0;const l=this.segments.find(a=>a.key==="detached");return t.detached&&l?(l.rows.unshift({...t}),this.idsOf(l).add(t.id),l.total=(l.total??0)+1,!0):!1}const r=this.segments[0];return!r||this.query.nested?!1:(r.rows.unshift({...t}),this.idsOf(r).add(t.id),r.total!==null&&(r.total+=1),!0)}patch(t,r){let s=!1;for(const{list:l,index:a}of this.places(t)){const d=l[a];d&&(l[a]={...d,...r}),s=!0}s&&this.changed()}remove(t){let r=!1;for(const s of this.segments){const l=s.rows.length;s.rows=s.rows.filter(a=>a.id!==t),s.rows.length!==l&&(this.ids.get(s)?.delete(t),r=!0,s.total!==null&&(s.total-=l-s.rows.length));for(const a of s.rows)a.children?.some(d=>d.id===t)&&(a.children=a.children.filter(d=>d.id!==t),r=!0)}r&&this.changed()}find(t){for(const{list:r,index:s}of this.places(t))return r[s]??null;return null}}const Ne=32,Pt=12,Zr=60,Nt=2500,es=300;function ts(e,t,r){const s=Se(t),l=(u,c,h,g)=>({key:u,label:c,branch:h,filter:g,rows:[],total:null,cursor:null,hasNext:!0,loading:!1,error:null});if(!r)return[l("all",null,null,s)];const a={...s,kinds:["COMMIT"]};if(s.detached===!0)return[l("detached","Detached runs",null,s)];if(s.branch)return[l("branch:"+s.branch,s.branch,s.branch,a)];if(s.onBranch)return[l("on:"+s.onBranch,`commits on ${s.onBranch}`,null,a)];if(s.tag)return[l("tag:"+s.tag,`tag ${s.tag}`,null,a)];const i=e.branches.filter(u=>!u.folded&&(t.showHidden||!u.hidden)).sort((u,c)=>u.name===e.defaultBranch?-1:c.name===e.defaultBranch?1:u.name<c.name?-1:1).map(u=>l("branch:"+u.name,u.name,u.name,{...a,branch:u.name}));return s.detached!==!1&&i.push(l("detached","Detached runs",null,{...s,detached:!0})),i}function dn(e){return e.kind==="COMMIT"?e.sha?.slice(0,7)??String(e.databaseId):e.name??(e.kind==="LIVE"?`live run ${e.databaseId}`:e.sha?.slice(0,7)??String(e.databaseId))}const Dt=new WeakMap;function Ot(e){let t=Dt.get(e);return t||(t=new Map(e.values.map(r=>[r.column,r.value])),Dt.set(e,t)),t}async function Ht(e,t){try{const s=(await D(er,{projectId:e,name:t})).node;return s&&"view"in s?s.view?.goals??[]:[]}catch{return[]}}function ns(e){return typeof e=="object"&&e!==null&&"databaseId"in e&&"values"in e}function be(e,t,r,s=0){const l=r>=0?un[r]??ot:ot;return(t.length+s)*7.5<=l-16?e:e+" clip"}function rs(e){return(e??"").split(`
`,1)[0]??""}const un=[36,250,124,120,120,240,140],ot=116,ss=84;function os(e){return un.reduce((t,r)=>t+r,0)+e.length*ot+ss}const Ke=8;function is(e){ge(e.name);const[t,r]=k(null),[s,l]=k(!1),[a,d]=k(null),[i,u]=k(null),[c,h]=k(null),[,g]=k(0),[o,m]=k(new Set),[f,b]=k(null),[_,p]=k(null),[v,$]=k(!1),[S,E]=k(null),[P,W]=k(!1),B=Ie(new Map),J=Ie({branches:new Set,rows:new Set}),V=St(async()=>{try{const w=await D(Zn,{name:e.name,includeHidden:!0});return w.project?(r(w.project),w.project):(l(!0),null)}catch(w){return w instanceof pe&&(w.has("UNAUTHENTICATED")||w.has("FORBIDDEN")||w.has("NOT_FOUND"))?l(!0):d(w),null}},[e.name]);L(()=>{V().then(w=>{if(!w)return;const I=Rt(w),j=new URLSearchParams(location.search).get("view"),N=j?w.views.find(q=>q.name===j):void 0;if(!N){u(I);return}Ht(w.id,N.name).then(q=>u(At(N,w,I,q)))})},[V]);const z=i?i.groupByBranch&&jt(i):!1,re=i&&t?JSON.stringify([t.id,Se(i),Pe(i.sort),i.columns,z,t.branches]):null;L(()=>{if(!t||!i||re===null)return;const w=new Yr({projectId:t.id,filter:Se(i),orderBy:Pe(i.sort),columns:i.columns,nested:z},ts(t,i,z),()=>g(I=>I+1),J.current);return h(w),()=>w.stop()},[re]),L(()=>{c&&(c.includeHidden=!!i?.showHidden),c?.changed()},[c,i?.showHidden]),L(()=>{if(!c||!t)return;const w={projectId:t.id,columns:c.query.columns},I=Object.keys(c.query.filter).every(le=>le==="includeHidden"),j=c.query.nested||I&&c.query.orderBy===null,N=le=>{B.current.set(le,Date.now()+Nt),setTimeout(()=>{const ne=B.current.get(le);ne!==void 0&&ne<=Date.now()&&(B.current.delete(le),c.changed())},Nt+50)};let q=null;const ae=()=>{q??=setTimeout(()=>{q=null,c.reread()},es)},se=tt(cr,w,le=>{const ne=le.experimentEvents;if(ne.change==="REMOVED"||!ne.experiment){c.remove(ne.experimentId);return}c.upsert(ne.experiment,j)&&N(ne.experimentId),j||ae()}),Ve=tt(dr,w,le=>{const ne=le.liveMetrics;c.upsert(ne.experiment,j)&&N(ne.experimentId)});return()=>{se(),Ve(),q!==null&&clearTimeout(q)}},[c,t]);const K=i?.baselineId??null,x=i?JSON.stringify(i.columns):"";L(()=>{if(!K||!i)return;let w=!1;return D(tr,{id:K,columns:i.columns}).then(I=>{const j=I.node;if(w||!ns(j))return;const N=j;u(q=>q&&q.baselineId===K?{...q,baseline:N}:q)}).catch(I=>b(I instanceof Error?I.message:String(I))),()=>{w=!0}},[K,x]);const R=St(w=>{u(I=>I&&{...I,...w,view:"view"in w?w.view??null:I.view})},[]),y=i?.viewGoals,C=xe(()=>t&&i?Dr(t,i):new Map,[t,y]);if(s)return n(sn,{what:`Project “${e.name}”`,signedIn:e.session!==null});if(a)return n(Ce,{error:a});if(!t||!i||!c)return n("p",{class:"muted",children:["Loading ",e.name,"…"]});const T=e.session!==null,O=async w=>{const I=t.views.find(q=>q.name===w),j=new URLSearchParams(location.search);if(I){const q=await Ht(t.id,I.name);u(At(I,t,i,q)),j.set("view",I.name)}else u({...Rt(t),view:null}),j.delete("view");const N=j.toString();rt(location.pathname+(N?"?"+N:""),!0)},M=async(w,I)=>{try{const j=await D(ir,{input:{projectId:t.id,name:w,shared:I,columns:i.columns,filter:Se(i),order:Pe(i.sort),baseline:i.baselineId,goals:Object.entries(i.viewGoals).map(([ae,se])=>({column:ae,goal:se})),includeHidden:i.showHidden}}),N=j.saveView.errors[0];if(N)return`${N.code}: ${N.message}`;const q=j.saveView.view;if(q){const ae=[...t.views.filter(Ve=>Ve.id!==q.id),q];r({...t,views:ae}),u({...i,view:q.name});const se=new URLSearchParams(location.search);se.set("view",q.name),rt(location.pathname+"?"+se.toString(),!0)}return null}catch(j){return j instanceof Error?j.message:String(j)}},te=async()=>{try{for(const[w,I]of Object.entries(i.viewGoals)){const N=(await D(lr,{input:{projectId:t.id,column:w,goal:I}})).setColumnGoal.errors[0];if(N){b(`${N.code}: ${N.message}`);return}}await V(),b("Goals saved for the project")}catch(w){b(w instanceof Error?w.message:String(w))}},de=async w=>{try{const j=(await D(ar,{input:{id:w.id}})).deleteView.errors[0];return j?`${j.code}: ${j.message}`:(r({...t,views:t.views.filter(N=>N.id!==w.id)}),await O(null),`Deleted “${w.name}”`)}catch(I){return I instanceof Error?I.message:String(I)}},ie=async(w,I,j)=>{try{const N={input:{projectId:t.id,ids:w,branches:I},columns:c.query.columns},q=j?(await D(or,N)).unhideRows:(await D(sr,N)).hideRows,ae=q.errors[0];if(ae){b(`${ae.code}: ${ae.message}`);return}for(const se of q.experiments)c.patch(se.id,{hidden:se.hidden,autoHidden:se.autoHidden});I.length&&await V(),m(new Set),b(`${j?"Shown":"Hidden"}: ${w.length+I.length}`)}catch(N){b(N instanceof Error?N.message:String(N))}},Q=[...o].map(w=>c.find(w)).filter(w=>w!==null),F=jt(i);return n("section",{class:"table-page","aria-labelledby":"table-title",children:[n("div",{class:"title-bar",children:[n("h1",{id:"table-title",children:t.name}),n("span",{class:"muted small",children:[t.visibility.toLowerCase()," · synced ",oe(t.lastSyncedAt)," ·"," ",n("span",{class:`badge sync-${t.syncState.toLowerCase()}`,children:t.syncState.toLowerCase()})]}),t.lastSyncError?n("span",{class:"sync-error",children:t.lastSyncError}):null,n("a",{class:"csv",href:Or(t.databaseId,i),"data-testid":"csv-link",download:!0,children:"Export CSV"})]}),n("div",{class:"toolbar",role:"toolbar","aria-label":"Table",children:[n(Lr,{views:t.views,current:i.view,signedIn:T,pick:w=>{O(w)},save:M,remove:de}),n(Hr,{project:t,state:i,update:R}),n(qr,{project:t,state:i,update:R,saveProjectGoals:T?()=>{te()}:void 0}),n("label",{title:F?"":"A sort by a value or a value filter lists rows flat",children:[n("input",{type:"checkbox",checked:i.groupByBranch&&F,disabled:!F,onChange:w=>R({groupByBranch:w.currentTarget.checked}),"data-testid":"group-toggle"})," ","Group by branch"]}),n("label",{children:[n("input",{type:"checkbox",checked:i.showHidden,onChange:w=>R({showHidden:w.currentTarget.checked}),"data-testid":"show-hidden"})," ","Show hidden"]}),n("button",{type:"button","aria-pressed":v,onClick:()=>$(!v),"data-testid":"trends-toggle",children:"Trends"}),n("button",{type:"button","aria-pressed":P,onClick:()=>W(!P),"data-testid":"pulls-toggle",children:"Pull requests"}),n("label",{children:[n("input",{type:"checkbox",checked:i.deltas,disabled:!i.baseline,onChange:w=>R({deltas:w.currentTarget.checked}),"data-testid":"delta-mode"})," ","Deltas"]})]}),n("div",{class:"selection-bar","aria-live":"polite",children:[n("span",{children:o.size?`${o.size} selected`:"Select rows to hide them or to use one as the baseline."}),o.size?n(ee,{children:[n("button",{type:"button",disabled:!T,onClick:()=>{ie([...o],[],!1)},children:"Hide selected"}),n("button",{type:"button",disabled:!T,onClick:()=>{ie([...o],[],!0)},children:"Unhide selected"}),n("button",{type:"button",disabled:Q.length!==1,onClick:()=>R({baseline:Q[0]??null,baselineId:Q[0]?.id??null}),"data-testid":"set-baseline",children:"Use as baseline"}),n("button",{type:"button",disabled:!T||Q.length!==1,onClick:()=>E(Q[0]??null),"data-testid":"run-experiment",children:"Run experiment"}),n("button",{type:"button",disabled:o.size>100,onClick:()=>p([...o]),"data-testid":"compare",children:"Compare"}),n("button",{type:"button",onClick:()=>m(new Set),children:"Clear selection"})]}):null,i.baseline?n("button",{type:"button",onClick:()=>R({baseline:null,baselineId:null,deltas:!1}),children:"Clear baseline"}):null,f?n("span",{class:"muted",role:"status",children:f}):null]}),S?n(Ur,{projectId:t.id,rowId:S.id,label:dn(S),onClose:()=>E(null)}):null,P?n(Vr,{projectId:t.id,onClose:()=>W(!1)}):null,v?n(Gr,{project:t,onClose:()=>$(!1)}):null,_?n(Tr,{projectId:t.id,ids:_,baselineId:i.baselineId,onClose:()=>p(null)}):null,n(as,{project:t,model:c,state:i,goals:C,selected:o,flash:B.current,signedIn:T,onSelect:(w,I)=>{const j=new Set(o);I?j.add(w):j.delete(w),m(j)},onSort:w=>{const I=i.sort,j=I?.key!==w?{key:w,direction:"DESC"}:I.direction==="DESC"?{key:w,direction:"ASC"}:null;R({sort:j})},onHide:(w,I)=>{ie([w.id],[],I)},onHideBranch:(w,I)=>{ie([],[w],I)}})]})}function as(e){const{model:t,state:r}=e,s=Ie(null),[l,a]=k(0),[d,i]=k(600),u=t.items(),c=xe(()=>os(r.columns),[r.columns]);L(()=>{const p=s.current;if(!p)return;const v=new ResizeObserver($=>{const S=$[$.length-1]?.contentRect;S&&i(Math.ceil(S.height))});return v.observe(p),()=>v.disconnect()},[]),L(()=>{s.current&&(s.current.scrollTop=0),a(0)},[t]);const h=l*Ke,g=Math.max(0,h-Pt),o=Math.min(u.length,h+Ke+Math.ceil(d/Ne)+Pt);L(()=>{const p=new Set,v=Math.min(u.length,o+Zr);for(let $=g;$<v;$++){const S=u[$];S?.t==="more"&&!S.seg.loading&&!S.seg.error&&p.add(S.seg)}for(const $ of p)t.load($)});const m=r.baseline?2:1,f=[];for(let p=g;p<o;p++){const v=u[p];v&&f.push(n(ls,{item:v,index:p,rowIndex:p+m+1,...e},Wr(v,p)))}const b=p=>r.sort?.key===p?r.sort.direction==="ASC"?"ascending":"descending":"none",_=(p,v,$,S="")=>n("div",{role:"columnheader",class:`th ${S}`,"aria-sort":b(p),"data-testid":"column-header","data-column":p,children:n("button",{type:"button",class:"sort",title:$,onClick:()=>e.onSort(p),children:[n("span",{children:v}),n("span",{class:"arrow","aria-hidden":"true",children:b(p)==="ascending"?"▲":b(p)==="descending"?"▼":""})]})});return n("div",{class:"table-scroll",ref:s,role:"table","aria-label":`Experiments of ${e.project.name}`,"aria-rowcount":u.length+m,"data-testid":"experiments-table","data-nested":t.query.nested?"true":"false",onScroll:p=>a(Math.floor(p.currentTarget.scrollTop/Ne/Ke)),style:{"--table-w":`${c}px`},children:[n("div",{role:"rowgroup",class:"thead",children:[n("div",{role:"row",class:"tr head","aria-rowindex":1,children:[n("div",{role:"columnheader",class:"th sticky0",children:n("span",{class:"sr-only",children:"Select"})}),n("div",{role:"columnheader",class:"th sticky1",children:"Experiment"}),n("div",{role:"columnheader",class:"th",children:"Status"}),Pr.map(p=>_("field:"+p.field,p.label,`Sort by ${p.label.toLowerCase()}`)),r.columns.map(p=>{const v=e.goals.get(p);return _(p,Me(p),`${p}${v?` (${v.toLowerCase()} is better)`:""}`,p.startsWith("metric:")?"metric num":"param num")}),n("div",{role:"columnheader",class:"th",children:n("span",{class:"sr-only",children:"Actions"})})]}),r.baseline?n(hn,{row:r.baseline,depth:0,rowIndex:2,baseline:!0,...e,index:-1}):null]}),n("div",{role:"rowgroup",class:"tbody",style:{height:`${u.length*Ne}px`},children:f}),u.length===0?n("p",{class:"empty muted",children:"No rows match."}):null]})}function ls(e){const{item:t}=e,r={transform:`translateY(${e.index*Ne}px)`};if(t.t==="branch"){const s=t.seg,l=e.model.collapsedBranches.has(s.key),a=s.total===null?"…":String(s.total),d=e.project.branches.some(i=>i.name===s.branch&&i.hidden);return n("div",{role:"row",class:"tr branch",style:r,"aria-rowindex":e.rowIndex,"data-testid":"branch-row","data-branch":s.branch??s.key,children:n("div",{role:"cell",class:"td span",children:[n("button",{type:"button",class:"twisty","aria-expanded":!l,"aria-label":`${l?"Expand":"Collapse"} ${s.label??""}`,onClick:()=>{l?e.model.collapsedBranches.delete(s.key):e.model.collapsedBranches.add(s.key),e.model.changed()},children:l?"▸":"▾"}),n("strong",{children:s.label}),n("span",{class:"muted small",children:[a," ",s.key==="detached"?"rows":"commits"]}),s.branch&&e.signedIn?n("button",{type:"button",class:"link",onClick:()=>e.onHideBranch(s.branch??"",d),"aria-label":`${d?"Unhide":"Hide"} branch ${s.branch}`,"data-testid":"hide-branch",children:d?"Unhide branch":"Hide branch"}):null,s.error?n("span",{class:"sync-error",children:s.error}):null]})})}return t.t==="more"?n("div",{role:"row",class:t.seg.error?"tr more read-error":"tr more",style:r,"aria-rowindex":e.rowIndex,"data-testid":t.seg.error?"read-error":"placeholder-row",children:n("div",{role:"cell",class:"td span muted",children:t.seg.error??"Loading…"})}):n(hn,{...e,row:t.row,depth:t.depth,style:r})}class hn extends ve{flashUntil=0;collapsed=!1;shouldComponentUpdate(t){const r=this.props;return r.row!==t.row||r.index!==t.index||r.rowIndex!==t.rowIndex||r.depth!==t.depth||r.state!==t.state||r.goals!==t.goals||r.selected!==t.selected||r.signedIn!==t.signedIn||r.baseline!==t.baseline||r.model!==t.model||this.flashUntil!==(t.flash.get(t.row.id)??0)||this.collapsed!==t.model.collapsedRows.has(t.row.id)}render(){return this.flashUntil=this.props.flash.get(this.props.row.id)??0,this.collapsed=this.props.model.collapsedRows.has(this.props.row.id),cs(this.props)}}function cs(e){const{row:t,state:r,model:s}=e,l=dn(t),a=Ot(t),d=r.baseline?Ot(r.baseline):null,i=e.baseline===!0||r.baseline?.id===t.id,u=(e.flash.get(t.id)??0)>Date.now(),c=s.collapsedRows.has(t.id),h=t.branches?.[0]??"",g=t.author?.name??"",o=rs(t.message),m=oe(t.committedAt??t.createdAt).replace(" UTC",""),f=["tr",e.depth===1?"child":"",t.kind==="LIVE"?"live":"",t.status==="RUNNING"?"running":"",t.hidden?"hidden-row":"",e.selected.has(t.id)?"selected":"",u?"flash":"",e.baseline?"baseline":""].join(" ");return n("div",{role:"row",class:f,style:e.style,"aria-rowindex":e.rowIndex,"data-testid":e.baseline?"baseline-row":"row","data-row-id":t.id,"data-kind":t.kind,"data-status":t.status,"data-hidden":t.hidden?"true":"false",children:[n("div",{role:"cell",class:"td sticky0",children:n("input",{type:"checkbox","aria-label":`Select ${l}`,checked:e.selected.has(t.id),onChange:b=>e.onSelect(t.id,b.currentTarget.checked)})}),n("div",{role:"cell",class:"td sticky1 name","data-testid":"row-name",children:[e.depth===1?n("span",{class:"indent","aria-hidden":"true"}):null,t.children&&t.children.length>0&&!e.baseline?n("button",{type:"button",class:"twisty","aria-expanded":!c,"aria-label":`${c?"Show":"Hide"} the ${t.children.length} experiments of ${l}`,onClick:()=>{c?s.collapsedRows.delete(t.id):s.collapsedRows.add(t.id),s.changed()},children:c?"▸":"▾"}):n("span",{class:"twisty-space","aria-hidden":"true"}),n("span",{class:t.kind==="COMMIT"?"sha":"exp-name",title:t.sha??t.name??"",children:l}),i?n("span",{class:"chip base",children:"baseline"}):null,t.kind==="LIVE"?n("span",{class:"chip live-chip",children:["live",t.lastStep!==null?` · step ${t.lastStep}`:""]}):null,t.detached?n("span",{class:"chip",children:"detached"}):null,t.tags.slice(0,2).map(b=>n("span",{class:"chip tag",children:b},b))]}),n("div",{role:"cell",class:"td","data-testid":"status",children:n("span",{class:`status status-${t.status.toLowerCase()}`,children:t.status})}),n("div",{role:"cell",class:be("td",h,3),children:h}),n("div",{role:"cell",class:be("td",g,4),children:g}),n("div",{role:"cell",class:be("td",o,5),title:t.message??"",children:o}),n("div",{role:"cell",class:be("td",m,6),title:oe(t.committedAt??t.createdAt),children:m}),r.columns.map(b=>{const _=a.get(b),p=d?.get(b);let v=Ue(_),$="td num",S=0,E;if(d&&!i&&typeof _=="number"&&typeof p=="number"){const P=_-p;r.deltas&&(v=st(P));const W=e.goals.get(b);if(W&&P!==0){const B=W==="HIGHER"?P>0:P<0;$+=B?" better":" worse",S=2,E=`${B?"better":"worse"} than the baseline (${st(P)})`}}return n("div",{role:"cell",class:be($,v,-1,S),title:E,"data-column":b,children:v},b)}),n("div",{role:"cell",class:"td actions",children:e.signedIn&&!e.baseline?n("button",{type:"button",class:"link","aria-label":`${t.hidden?"Unhide":"Hide"} ${l}`,onClick:()=>e.onHide(t,t.hidden),"data-testid":"hide-row",children:t.hidden?"Unhide":"Hide"}):null})]})}function ds(e){ge(e.model);const[t,r]=k(null),[s,l]=k(""),[a,d]=k(""),[i,u]=k(null),[c,h]=k(!1),[g,o]=k(null),[m,f]=k(null),[b,_]=k(!1),[p,v]=k(""),[$,S]=k(""),[E,P]=k(""),[W,B]=k(""),[J,V]=k("");if(L(()=>{D(Bn,{project:e.project,model:e.model}).then(y=>{if(!y.project?.model){h(!0);return}r(y.project.id),l(y.project.repoUrl),d(y.project.defaultBranch??""),u(y.project.model)}).catch(y=>{y instanceof pe&&y.has("UNAUTHENTICATED")?h(!0):o(y)})},[e.project,e.model]),c)return n(sn,{what:`Model “${e.model}” of “${e.project}”`,signedIn:e.session!==null});if(g)return n(Ce,{error:g});if(!i||!t)return n("p",{class:"muted",children:["Loading ",e.model,"…"]});const z=async(y,C)=>{_(!0);try{const T=await y(),O=T.errors[0];O?f(`${O.code}: ${O.message}`):(T.model&&u(T.model),f(`${C}${T.tag?` (tag ${T.tag})`:""}`))}catch(T){f(T instanceof Error?T.message:String(T))}finally{_(!1)}},re={projectId:t,model:i.name},K=i.versions.filter(y=>y.registered),x=W||(K[0]?.version??""),R=e.session!==null;return n("section",{"aria-labelledby":"model-title",children:[n("p",{class:"muted small",children:[n("a",{href:Be(e.project),children:e.project})," / models"]}),n("h1",{id:"model-title",children:[i.name," ",i.deprecated?n("span",{class:"chip",children:"deprecated"}):null]}),n("p",{class:"muted",children:[i.type??"model"," · ",i.path??"no path"," ",i.declaredIn?`· declared in ${i.declaredIn}`:""," · latest"," ",i.latestVersion?.version??"none"]}),i.description?n("p",{children:i.description}):null,i.registryError?n("div",{class:"notice error",children:i.registryError.message}):null,m?n("p",{class:"notice",role:"status","data-testid":"model-message",children:m}):null,n("h2",{children:"Stages"}),i.stages.length===0?n("p",{class:"muted",children:"No stage assigned."}):n("ul",{class:"stages","data-testid":"stages",children:i.stages.map(y=>n("li",{"data-stage":y.stage,children:[n("strong",{children:y.stage}),": ",y.versions.map(C=>C.version).join(", ")]},y.stage))}),n("h2",{children:"Versions"}),n("table",{class:"projects","data-testid":"versions",children:[n("thead",{children:n("tr",{children:[n("th",{scope:"col",children:"Version"}),n("th",{scope:"col",children:"Commit"}),n("th",{scope:"col",children:"Stages"}),n("th",{scope:"col",children:"Author"}),n("th",{scope:"col",children:"Created"}),n("th",{scope:"col",children:"State"})]})}),n("tbody",{children:i.versions.map(y=>n("tr",{"data-testid":"version","data-version":y.version,children:[n("th",{scope:"row",children:y.version}),n("td",{children:n("code",{children:y.commit.slice(0,7)})}),n("td",{children:y.stages.join(", ")}),n("td",{children:y.author}),n("td",{children:oe(y.createdAt)}),n("td",{children:y.active?"active":y.registered?"deregistered":"unregistered"})]},y.version))})]}),n(us,{repo:s,model:i}),R?n("div",{class:"registry-forms",children:[n("form",{onSubmit:y=>{y.preventDefault(),z(async()=>(await D(Un,{input:{...re,rev:p.trim()||a,version:$.trim()||null,bump:E||null}})).registerModelVersion,"Registered")},children:n("fieldset",{children:[n("legend",{children:"Register a version"}),n("label",{children:["Commit, branch or tag",n("input",{type:"text",value:p,placeholder:a,onInput:y=>v(y.currentTarget.value),"data-testid":"register-rev"})]}),n("label",{children:["Version",n("input",{type:"text",value:$,placeholder:"v1.2.3 (or bump)",onInput:y=>S(y.currentTarget.value),"data-testid":"register-version"})]}),n("label",{children:["Bump",n("select",{value:E,onChange:y=>P(y.currentTarget.value),children:[n("option",{value:"",children:"default"}),n("option",{value:"PATCH",children:"patch"}),n("option",{value:"MINOR",children:"minor"}),n("option",{value:"MAJOR",children:"major"})]})]}),n("button",{type:"submit",class:"primary",disabled:b,children:"Register"})]})}),n("form",{onSubmit:y=>{y.preventDefault();const C={...re,version:x,stage:J.trim()};z(async()=>(await D(Vn,{input:C})).assignStage,`Assigned ${C.stage}`)},children:n("fieldset",{children:[n("legend",{children:"Stages"}),n("label",{children:["Version",n("select",{value:x,onChange:y=>B(y.currentTarget.value),"data-testid":"stage-version",children:K.map(y=>n("option",{value:y.version,children:y.version},y.version))})]}),n("label",{children:["Stage",n("input",{type:"text",value:J,required:!0,onInput:y=>V(y.currentTarget.value),"data-testid":"stage-name"})]}),n("button",{type:"submit",disabled:b||K.length===0,children:"Assign"}),n("button",{type:"button",disabled:b||K.length===0||!J.trim(),onClick:()=>{const y={...re,version:x,stage:J.trim()};z(async()=>(await D(Fn,{input:y})).unassignStage,`Unassigned ${y.stage}`)},children:"Unassign"})]})}),n("button",{type:"button",disabled:b||i.deprecated,onClick:()=>{confirm(`Deprecate ${i.name}? A new registry tag revives it.`)&&z(async()=>(await D(Gn,{input:re})).deprecateModel,"Deprecated")},children:"Deprecate model"})]}):null,n("h2",{children:"History"}),n("table",{class:"projects","data-testid":"history",children:[n("thead",{children:n("tr",{children:[n("th",{scope:"col",children:"When"}),n("th",{scope:"col",children:"Event"}),n("th",{scope:"col",children:"Version"}),n("th",{scope:"col",children:"Stage"}),n("th",{scope:"col",children:"By"}),n("th",{scope:"col",children:"Tag"})]})}),n("tbody",{children:i.history.map(y=>n("tr",{children:[n("td",{children:oe(y.createdAt)}),n("td",{children:y.kind.toLowerCase()}),n("td",{children:y.version??""}),n("td",{children:y.stage??""}),n("td",{children:y.author}),n("td",{children:n("code",{children:y.tag})})]},y.tag+y.kind))})]})]})}function qt(e){return"version"in e?`version:${e.version}`:"stage"in e?`stage:${e.stage}`:"latest"}function us(e){const{model:t}=e,[r,s]=k(new Map);L(()=>s(new Map),[t]);const l=[];t.latestVersion&&l.push({which:{},label:`latest (${t.latestVersion.version})`});for(const d of t.stages)l.push({which:{stage:d.stage},label:`stage ${d.stage} (${d.versions[0]?.version??"?"})`});for(const d of t.versions)d.active&&d.registered&&l.push({which:{version:d.version},label:d.version});const a=d=>{const i=qt(d),u=c=>s(h=>new Map(h).set(i,c));u({loading:!0,files:null,error:null}),Mn(e.repo,t.name,d).then(c=>u({loading:!1,files:Object.entries(c).sort(([h],[g])=>h<g?-1:1),error:null})).catch(c=>{const h=c instanceof pe?c.errors.map(g=>g.code?`${g.code}: ${g.message}`:g.message).join("; "):String(c);u({loading:!1,files:null,error:h})})};return n(ee,{children:[n("h2",{children:"Download"}),n("p",{class:"muted small",children:["The model's files as ",n("code",{children:["dvc artifacts get ",e.repo," ",t.name]})," fetches them (add"," ",n("code",{children:"--rev VERSION"})," or ",n("code",{children:"--stage STAGE"}),"); the links are signed for you and expire after an hour."]}),l.length===0?n("p",{class:"muted",children:"No registered version to download."}):n("ul",{class:"downloads","data-testid":"downloads",children:l.map(({which:d,label:i})=>{const u=qt(d),c=r.get(u);return n("li",{"data-testid":"download","data-which":u,children:[n("strong",{children:i})," ",n("button",{type:"button",class:"link",disabled:c?.loading===!0,onClick:()=>a(d),"aria-label":`${Lt(c)}: ${t.name} ${i}`,"data-testid":"download-files",children:Lt(c)}),c?.error?n("span",{class:"sync-error",role:"alert","data-testid":"download-error",children:c.error}):null,c?.files?c.files.length===0?n("p",{class:"muted small","data-testid":"download-links",children:"No files."}):n("ul",{"data-testid":"download-links",children:c.files.map(([h,g])=>n("li",{children:n("a",{href:g,download:h.split("/").pop()??h,"data-testid":"download-link","data-path":h,children:h})},h))}):null]},u)})})]})}function Lt(e){return e?.files?"Refresh links":e?.loading?"Reading…":"Get download links"}function hs(e,t){return`${Be(e)}/models/${encodeURIComponent(t)}`}function ps(e){ge("Models");const[t,r]=k(null),[s,l]=k(0),[a,d]=k(null),[i,u]=k(""),[c,h]=k(null),g=async(o,m)=>{try{const f=await D(Wn,{after:o,filter:m?{name:m}:null});r(b=>[...o&&b?b:[],...f.models.nodes]),l(f.models.totalCount),d(f.models.pageInfo.hasNextPage?f.models.pageInfo.endCursor:null),h(null)}catch(f){h(f)}};return L(()=>{const o=setTimeout(()=>{g(null,i.trim())},i?250:0);return()=>clearTimeout(o)},[i]),n("section",{"aria-labelledby":"models-title",children:[n("h1",{id:"models-title",children:"Models"}),n("div",{class:"toolbar",children:[n("label",{children:["Find a model",n("input",{type:"search",value:i,onInput:o=>u(o.currentTarget.value),"data-testid":"model-search"})]}),e.session?null:n("span",{class:"muted",children:"Signed out: models of public projects only."})]}),c?n(Ce,{error:c}):null,t===null?n("p",{class:"muted",children:"Loading models…"}):t.length===0?n("p",{children:"No models. Declare one in a dvc.yaml (`artifacts:`) or register one with GTO."}):n("table",{class:"projects","data-testid":"models",children:[n("caption",{class:"sr-only",children:[s," models"]}),n("thead",{children:n("tr",{children:[n("th",{scope:"col",children:"Model"}),n("th",{scope:"col",children:"Project"}),n("th",{scope:"col",children:"Latest version"}),n("th",{scope:"col",children:"Stages"}),n("th",{scope:"col",children:"Type"})]})}),n("tbody",{children:t.map(o=>n("tr",{"data-testid":"model","data-model":o.name,children:[n("th",{scope:"row",children:[o.project?n("a",{href:hs(o.project.name,o.name),children:o.name}):o.name,o.deprecated?n("span",{class:"chip",children:" deprecated"}):null,o.description?n("div",{class:"muted small",children:o.description}):null,o.registryError?n("div",{class:"sync-error",children:o.registryError.message}):null]}),n("td",{children:o.project?n("a",{href:Be(o.project.name),children:o.project.name}):"—"}),n("td",{children:o.latestVersion?n(ee,{children:[o.latestVersion.version," ",n("span",{class:"muted small",children:oe(o.latestVersion.createdAt)})]}):n("span",{class:"muted",children:"unregistered"})}),n("td",{children:o.stages.map(m=>n("span",{class:"chip tag",children:[m.stage,": ",m.versions.map(f=>f.version).join(", ")]},m.stage))}),n("td",{children:o.type??""})]},`${o.project?.id??""}:${o.name}`))})]}),a?n("button",{type:"button",onClick:()=>{g(a,i.trim())},children:"More models"}):null]})}const ms=["READ","PROJECTS","EXPERIMENTS","MODELS","ADMIN"];function fs(e){ge("Access tokens");const[t,r]=k(null),[s,l]=k(null),[a,d]=k(""),[i,u]=k(new Set(["READ","EXPERIMENTS"])),[c,h]=k(null),[g,o]=k(null),m=async()=>{try{const _=await D(ur,{});r(_.me.tokens)}catch(_){l(_)}};if(L(()=>{e.session&&m()},[e.session]),!e.session)return n("section",{children:[n("h1",{children:"Access tokens"}),n("p",{children:[n("a",{href:Ee(),children:"Sign in"})," to manage your tokens."]}),n(Bt,{})]});const f=async()=>{h(null);try{const _=await D(hr,{input:{name:a.trim(),scopes:[...i]}}),p=_.createAccessToken.errors[0];if(p){o(`${p.code}: ${p.message}`);return}h(_.createAccessToken.token??null),o(null),d(""),await m()}catch(_){o(_ instanceof Error?_.message:String(_))}},b=async _=>{if(confirm(`Revoke the token “${_.name}”? Scripts using it stop working.`))try{const v=(await D(pr,{id:_.id})).revokeAccessToken.errors[0];o(v?`${v.code}: ${v.message}`:`Revoked “${_.name}”`),await m()}catch(p){o(p instanceof Error?p.message:String(p))}};return n("section",{"aria-labelledby":"tokens-title",children:[n("h1",{id:"tokens-title",children:"Access tokens"}),s?n(Ce,{error:s}):null,n("form",{class:"token-form",onSubmit:_=>{_.preventDefault(),f()},children:[n("label",{children:["Name",n("input",{type:"text",required:!0,value:a,onInput:_=>d(_.currentTarget.value),"data-testid":"token-name"})]}),n("fieldset",{children:[n("legend",{children:"Scopes"}),ms.map(_=>n("label",{children:[n("input",{type:"checkbox",checked:i.has(_),onChange:p=>{const v=new Set(i);p.currentTarget.checked?v.add(_):v.delete(_),u(v)}})," ",_]},_))]}),n("button",{type:"submit",class:"primary",disabled:!a.trim()||i.size===0,children:"Create token"})]}),c?n("div",{class:"notice",role:"status","data-testid":"new-token",children:n("p",{children:["Your new token (shown once): ",n("code",{children:c})]})}):null,g?n("p",{class:"muted",role:"status",children:g}):null,t===null?n("p",{class:"muted",children:"Loading tokens…"}):n("table",{class:"projects","data-testid":"tokens",children:[n("thead",{children:n("tr",{children:[n("th",{scope:"col",children:"Name"}),n("th",{scope:"col",children:"Prefix"}),n("th",{scope:"col",children:"Scopes"}),n("th",{scope:"col",children:"Created"}),n("th",{scope:"col",children:"Last used"}),n("th",{scope:"col",children:n("span",{class:"sr-only",children:"Actions"})})]})}),n("tbody",{children:t.map(_=>n("tr",{"data-testid":"token",children:[n("th",{scope:"row",children:_.name}),n("td",{children:n("code",{children:_.prefix})}),n("td",{children:_.scopes.join(", ")}),n("td",{children:oe(_.createdAt)}),n("td",{children:oe(_.lastUsedAt)}),n("td",{children:n("button",{type:"button",onClick:()=>{b(_)},"aria-label":`Revoke ${_.name}`,children:"Revoke"})})]},_.id))})]}),n(Bt,{})]})}function Bt(){const e=location.origin;return n("section",{class:"device-login","aria-labelledby":"device-login-title","data-testid":"device-login",children:[n("h2",{id:"device-login-title",children:["Sign DVC in: ",n("code",{children:"dvc studio login"})]}),n("ol",{children:[n("li",{children:["On your machine run ",n("code",{"data-testid":"device-login-command",children:["dvc studio login --hostname ",e]})," (",n("code",{children:"-s EXPERIMENTS,MODELS,DATASETS"})," to choose the scopes, ",n("code",{children:"-n NAME"})," to name the token)."]}),n("li",{children:["DVC asks this server for a login and prints a code such as ",n("code",{children:"BCDF-GHJK"})," with the approval page's address (it opens it in a browser unless ",n("code",{children:"--no-open"}),")."]}),n("li",{children:["On the ",n("a",{href:"/auth/device-login","data-testid":"device-login-link",children:"approval page"}),", signed in as yourself, approve the code (or deny it): DVC receives a new access token of yours with the scopes it asked for (you must hold them), saves it with this server's address in its global config (",n("code",{children:"studio.token"}),","," ",n("code",{children:"studio.url"}),"), and the token shows in the list above, where you can revoke it."]})]}),n("form",{method:"get",action:"/auth/device-login",class:"token-form",children:[n("label",{children:["Code from DVC",n("input",{type:"text",name:"code",required:!0,maxLength:32,autoComplete:"off",placeholder:"BCDF-GHJK","data-testid":"device-login-code"})]}),n("button",{type:"submit",children:"Open the approval page"})]}),n("p",{class:"muted small",children:["The codes expire after a few minutes; DVC then stops and you run it again. Then ",n("code",{children:"dvc exp push"}),","," ",n("code",{children:"dvc artifacts get"})," and DVCLive's live updates reach this server with that token."]})]})}function gs(e,t){if(e==="/"||e==="")return n(_r,{session:t});const r=/^\/projects\/([^/]+)\/models\/(.+)$/.exec(e);if(r?.[1]&&r[2]){const[l,a]=[decodeURIComponent(r[1]),decodeURIComponent(r[2])];return n(ds,{project:l,model:a,session:t},e)}const s=/^\/projects\/([^/]+)\/?$/.exec(e);if(s?.[1]){const l=decodeURIComponent(s[1]);return n(is,{name:l,session:t},l)}return e==="/models"?n(ps,{session:t}):e==="/settings/tokens"?n(fs,{session:t}):n(fr,{})}function _s(){const e=Nn(),[t,r]=k({loaded:!1});L(()=>{jn().then(d=>r({loaded:!0,session:d})).catch(()=>r({loaded:!0,session:null}))},[]);const s=t.loaded?t.session:null,l=/^\/projects\/[^/]+\/models\//.test(e.path),a=d=>d==="/"?e.path==="/"||e.path.startsWith("/projects/")&&!l?"page":void 0:d==="/models"?e.path==="/models"||l?"page":void 0:e.path.startsWith(d)?"page":void 0;return n(ee,{children:[n("a",{class:"skip",href:"#main",children:"Skip to content"}),n("header",{class:"shell",children:[n("a",{class:"brand",href:"/",children:"gitstudio"}),n("nav",{"aria-label":"Main",children:n("ul",{children:[n("li",{children:n("a",{href:"/","aria-current":a("/"),children:"Projects"})}),n("li",{children:n("a",{href:"/models","aria-current":a("/models"),children:"Models"})}),n("li",{children:n("a",{href:"/settings/tokens","aria-current":a("/settings/tokens"),children:"Tokens"})}),n("li",{children:n("a",{href:"/graphql",children:"GraphiQL"})})]})}),n("div",{class:"who","data-testid":"session",children:t.loaded?s?n(ee,{children:[n("span",{"data-testid":"user",children:s.user}),n("button",{type:"button",onClick:()=>{An().then(()=>{location.assign(Ee("/"))})},children:"Sign out"})]}):n("a",{href:Ee(),"data-testid":"sign-in",children:"Sign in"}):null})]}),n("main",{id:"main",tabIndex:-1,children:t.loaded?gs(e.path,s):n("p",{class:"muted",children:"Loading…"})})]})}const Qe=document.getElementById("app");Qe&&(On(Qe),wn(n(_s,{}),Qe));

const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=["assets/embed-ji_c-7H5.js","assets/vega-interpreter-BmnYaw1U.js"])))=>i.map(i=>d[i]);
var Fe,U,Jt,ue,gt,Xt,Kt,Je,Ne,Ce,Qt,ut,st,ot,Be={},Ue=[],bn=/acit|ex(?:s|g|n|p|$)|rph|grid|ows|mnc|ntw|ine[ch]|zoo|^ord|itera/i,Ge=Array.isArray;function ce(e,t){for(var r in t)e[r]=t[r];return e}function ht(e){e&&e.parentNode&&e.parentNode.removeChild(e)}function wn(e,t,r){var s,i,l,d={};for(l in t)l=="key"?s=t[l]:l=="ref"?i=t[l]:d[l]=t[l];if(arguments.length>2&&(d.children=arguments.length>3?Fe.call(arguments,2):r),typeof e=="function"&&e.defaultProps!=null)for(l in e.defaultProps)d[l]===void 0&&(d[l]=e.defaultProps[l]);return De(e,d,s,i,null)}function De(e,t,r,s,i){var l={type:e,props:t,key:r,ref:s,__k:null,__:null,__b:0,__e:null,__c:null,constructor:void 0,__v:i??++Jt,__i:-1,__u:0};return i==null&&U.vnode!=null&&U.vnode(l),l}function ne(e){return e.children}function we(e,t){this.props=e,this.context=t}function ge(e,t){if(t==null)return e.__?ge(e.__,e.__i+1):null;for(var r;t<e.__k.length;t++)if((r=e.__k[t])!=null&&r.__e!=null)return r.__e;return typeof e.type=="function"?ge(e):null}function vn(e){if(e.__P&&e.__d){var t=e.__v,r=t.__e,s=[],i=[],l=ce({},t);l.__v=t.__v+1,U.vnode&&U.vnode(l),mt(e.__P,l,t,e.__n,e.__P.namespaceURI,32&t.__u?[r]:null,s,r??ge(t),!!(32&t.__u),i),l.__v=t.__v,l.__.__k[l.__i]=l,nn(s,l,i),t.__e=t.__=null,l.__e!=r&&Yt(l)}}function Yt(e){if((e=e.__)!=null&&e.__c!=null)return e.__e=e.__c.base=null,e.__k.some(function(t){if(t!=null&&t.__e!=null)return e.__e=e.__c.base=t.__e}),Yt(e)}function yt(e){(!e.__d&&(e.__d=!0)&&ue.push(e)&&!Ve.__r++||gt!=U.debounceRendering)&&((gt=U.debounceRendering)||Xt)(Ve)}function Ve(){try{for(var e,t=1;ue.length;)ue.length>t&&ue.sort(Kt),e=ue.shift(),t=ue.length,vn(e)}finally{ue.length=Ve.__r=0}}function Zt(e,t,r,s,i,l,d,a,u,c,h){var g,o,p,m,b,S,f=s&&s.__k||Ue,_=t.length;for(u=Sn(r,t,f,u,_),g=0;g<_;g++)(p=r.__k[g])!=null&&(o=p.__i!=-1&&f[p.__i]||Be,p.__i=g,S=mt(e,p,o,i,l,d,a,u,c,h),m=p.__e,p.ref&&o.ref!=p.ref&&(o.ref&&pt(o.ref,null,p),h.push(p.ref,p.__c||m,p)),b==null&&m!=null&&(b=m),4&p.__u?(u=en(p,u,e),o.__e&&(o.__e=null)):typeof p.type=="function"&&S!==void 0?u=S:m&&(u=m.nextSibling),p.__u&=-7);return r.__e=b,u}function Sn(e,t,r,s,i){var l,d,a,u,c,h=r.length,g=h,o=0;for(e.__k=new Array(i),l=0;l<i;l++)(d=t[l])!=null&&typeof d!="boolean"&&typeof d!="function"?(typeof d=="string"||typeof d=="number"||typeof d=="bigint"||d.constructor==String?d=e.__k[l]=De(null,d,null,null,null):Ge(d)?d=e.__k[l]=De(ne,{children:d},null,null,null):d.constructor===void 0&&d.__b>0?d=e.__k[l]=De(d.type,d.props,d.key,d.ref?d.ref:null,d.__v):e.__k[l]=d,u=l+o,d.__=e,d.__b=e.__b+1,a=null,(c=d.__i=kn(d,r,u,g))!=-1&&(g--,(a=r[c])&&(a.__u|=2)),a==null||a.__v==null?(c==-1&&(i>h?o--:i<h&&o++),typeof d.type!="function"&&(d.__u|=4)):c!=u&&(c==u-1?o--:c==u+1?o++:(c>u?o--:o++,d.__u|=4))):e.__k[l]=null;if(g)for(l=0;l<h;l++)(a=r[l])!=null&&(2&a.__u)==0&&(a.__e==s&&(s=ge(a)),sn(a,a));return s}function en(e,t,r){var s,i;if(typeof e.type=="function"){for(s=e.__k,i=0;s&&i<s.length;i++)s[i]&&(s[i].__=e,t=en(s[i],t,r));return t}e.__e!=t&&(t&&e.type&&!t.parentNode&&(t=ge(e)),t=r.insertBefore(e.__e,t||null));do t=t&&t.nextSibling;while(t!=null&&t.nodeType==8);return t}function kn(e,t,r,s){var i,l,d,a=e.key,u=e.type,c=t[r],h=c!=null&&(2&c.__u)==0;if(c===null&&a==null||h&&a==c.key&&u==c.type)return r;if(s>(h?1:0)){for(i=r-1,l=r+1;i>=0||l<t.length;)if((c=t[d=i>=0?i--:l++])!=null&&(2&c.__u)==0&&a==c.key&&u==c.type)return d}return-1}function _t(e,t,r){t[0]=="-"?e.setProperty(t,r??""):e[t]=r==null?"":typeof r!="number"||bn.test(t)?r:r+"px"}function Pe(e,t,r,s,i){var l,d;e:if(t=="style")if(typeof r=="string")e.style.cssText=r;else{if(typeof s=="string"&&(e.style.cssText=s=""),s)for(t in s)r&&t in r||_t(e.style,t,"");if(r)for(t in r)s&&r[t]==s[t]||_t(e.style,t,r[t])}else if(t[0]=="o"&&t[1]=="n")l=t!=(t=t.replace(Qt,"$1")),d=t.toLowerCase(),t=d in e||t=="onFocusOut"||t=="onFocusIn"?d.slice(2):t.slice(2),e.l||(e.l={}),e.l[t+l]=r,r?s?r[Ce]=s[Ce]:(r[Ce]=ut,e.addEventListener(t,l?ot:st,l)):e.removeEventListener(t,l?ot:st,l);else{if(i=="http://www.w3.org/2000/svg")t=t.replace(/xlink(H|:h)/,"h").replace(/sName$/,"s");else if(t!="width"&&t!="height"&&t!="href"&&t!="list"&&t!="form"&&t!="tabIndex"&&t!="download"&&t!="rowSpan"&&t!="colSpan"&&t!="role"&&t!="popover"&&t in e)try{e[t]=r??"";break e}catch{}typeof r=="function"||(r==null||r===!1&&t[4]!="-"?e.removeAttribute(t):e.setAttribute(t,t=="popover"&&r==1?"":r))}}function bt(e){return function(t){if(this.l){var r=this.l[t.type+e];if(t[Ne]==null)t[Ne]=ut++;else if(t[Ne]<r[Ce])return;return r(U.event?U.event(t):t)}}}function mt(e,t,r,s,i,l,d,a,u,c){var h,g,o,p,m,b,S,f,_,$,k,C,E,P,A,D,V=t.type;if(t.constructor!==void 0)return null;128&r.__u&&(u=!!(32&r.__u),l=[a=t.__e=r.__e]),(h=U.__b)&&h(t);e:if(typeof V=="function"){g=d.length;try{if(_=t.props,$=V.prototype&&V.prototype.render,k=(h=V.contextType)&&s[h.__c],C=h?k?k.props.value:h.__:s,r.__c?f=(o=t.__c=r.__c).__=o.__E:($?t.__c=o=new V(_,C):(t.__c=o=new we(_,C),o.constructor=V,o.render=In),k&&k.sub(o),o.state||(o.state={}),o.__n=s,p=o.__d=!0,o.__h=[],o._sb=[]),$&&o.__s==null&&(o.__s=o.state),$&&V.getDerivedStateFromProps!=null&&(o.__s==o.state&&(o.__s=ce({},o.__s)),ce(o.__s,V.getDerivedStateFromProps(_,o.__s))),m=o.props,b=o.state,o.__v=t,p)$&&V.getDerivedStateFromProps==null&&o.componentWillMount!=null&&o.componentWillMount(),$&&o.componentDidMount!=null&&o.__h.push(o.componentDidMount);else{if($&&V.getDerivedStateFromProps==null&&_!==m&&o.componentWillReceiveProps!=null&&o.componentWillReceiveProps(_,C),t.__v==r.__v||!o.__e&&o.shouldComponentUpdate!=null&&o.shouldComponentUpdate(_,o.__s,C)===!1){t.__v!=r.__v&&(o.props=_,o.state=o.__s,o.__d=!1),t.__e=r.__e,t.__k=r.__k,t.__k.some(function(W){W&&(W.__=t)}),Ue.push.apply(o.__h,o._sb),o._sb=[],o.__h.length&&d.push(o),a=ge(r);break e}o.componentWillUpdate!=null&&o.componentWillUpdate(_,o.__s,C),$&&o.componentDidUpdate!=null&&o.__h.push(function(){o.componentDidUpdate(m,b,S)})}if(o.context=C,o.props=_,o.__P=e,o.__e=!1,E=U.__r,P=0,$)o.state=o.__s,o.__d=!1,E&&E(t),h=o.render(o.props,o.state,o.context),Ue.push.apply(o.__h,o._sb),o._sb=[];else do o.__d=!1,E&&E(t),h=o.render(o.props,o.state,o.context),o.state=o.__s;while(o.__d&&++P<25);o.state=o.__s,o.getChildContext!=null&&(s=ce(ce({},s),o.getChildContext())),$&&!p&&o.getSnapshotBeforeUpdate!=null&&(S=o.getSnapshotBeforeUpdate(m,b)),A=h!=null&&h.type===ne&&h.key==null?rn(h.props.children):h,a=Zt(e,Ge(A)?A:[A],t,r,s,i,l,d,a,u,c),o.base=t.__e,t.__u&=-161,o.__h.length&&d.push(o),f&&(o.__E=o.__=null)}catch(W){if(d.length=g,t.__v=null,u||l!=null){if(W.then){for(t.__u|=u?160:128;a&&a.nodeType==8&&a.nextSibling;)a=a.nextSibling;l!=null&&(l[l.indexOf(a)]=null),t.__e=a}else if(l!=null)for(D=l.length;D--;)ht(l[D])}else t.__e=r.__e;t.__k==null&&(t.__k=r.__k||[]),W.then||tn(t),U.__e(W,t,r)}}else l==null&&t.__v==r.__v?(t.__k=r.__k,t.__e=r.__e):a=t.__e=$n(r.__e,t,r,s,i,l,d,u,c);return(h=U.diffed)&&h(t),128&t.__u?void 0:a}function tn(e){e&&(e.__c&&(e.__c.__e=!0),e.__k&&e.__k.some(tn))}function nn(e,t,r){for(var s=0;s<r.length;s++)pt(r[s],r[++s],r[++s]);U.__c&&U.__c(t,e),e.some(function(i){try{e=i.__h,i.__h=[],e.some(function(l){l.call(i)})}catch(l){U.__e(l,i.__v)}})}function rn(e){return typeof e!="object"||e==null||e.__b>0?e:Ge(e)?e.map(rn):e.constructor!==void 0?null:ce({},e)}function $n(e,t,r,s,i,l,d,a,u){var c,h,g,o,p,m,b,S=r.props||Be,f=t.props,_=t.type;if(_=="svg"?i="http://www.w3.org/2000/svg":_=="math"?i="http://www.w3.org/1998/Math/MathML":i||(i="http://www.w3.org/1999/xhtml"),l!=null){for(c=0;c<l.length;c++)if((p=l[c])&&"setAttribute"in p==!!_&&(_?p.localName==_:p.nodeType==3)){e=p,l[c]=null;break}}if(e==null){if(_==null)return document.createTextNode(f);e=document.createElementNS(i,_,f.is&&f),a&&(U.__m&&U.__m(t,l),a=!1),l=null}if(_==null)S===f||a&&e.data==f||(e.data=f);else{if(l=_=="textarea"&&f.defaultValue!=null?null:l&&Fe.call(e.childNodes),!a&&l!=null)for(S={},c=0;c<e.attributes.length;c++)S[(p=e.attributes[c]).name]=p.value;for(c in S)p=S[c],c=="dangerouslySetInnerHTML"?g=p:c=="children"||c in f||c=="value"&&"defaultValue"in f||c=="checked"&&"defaultChecked"in f||Pe(e,c,null,p,i);for(c in f)p=f[c],c=="children"?o=p:c=="dangerouslySetInnerHTML"?h=p:c=="value"?m=p:c=="checked"?b=p:a&&typeof p!="function"||S[c]===p||Pe(e,c,p,S[c],i);if(h)a||g&&(h.__html==g.__html||h.__html==e.innerHTML)||(e.innerHTML=h.__html),t.__k=[];else if(g&&(e.innerHTML=""),Zt(t.type=="template"?e.content:e,Ge(o)?o:[o],t,r,s,_=="foreignObject"?"http://www.w3.org/1999/xhtml":i,l,d,l?l[0]:r.__k&&ge(r,0),a,u),l!=null)for(c=l.length;c--;)ht(l[c]);a&&_!="textarea"||(c="value",_=="progress"&&m==null?e.removeAttribute("value"):m!=null&&(m!==e[c]||_=="progress"&&!m||_=="option"&&m!=S[c])&&Pe(e,c,m,S[c],i),c="checked",b!=null&&b!=e[c]&&Pe(e,c,b,S[c],i))}return e}function pt(e,t,r){try{if(typeof e=="function"){var s=typeof e.__u=="function";s&&e.__u(),s&&t==null||(e.__u=e(t))}else e.current=t}catch(i){U.__e(i,r)}}function sn(e,t,r){var s,i;if(U.unmount&&U.unmount(e),(s=e.ref)&&(s.current&&s.current!=e.__e||pt(s,null,t)),(s=e.__c)!=null){if(s.componentWillUnmount)try{s.componentWillUnmount()}catch(l){U.__e(l,t)}s.base=s.__P=s.__n=null}if(s=e.__k)for(i=0;i<s.length;i++)s[i]&&sn(s[i],t,r||typeof e.type!="function");r||ht(e.__e),e.__c=e.__=e.__e=void 0}function In(e,t,r){return this.constructor(e,r)}function En(e,t,r){var s,i,l,d;t==document&&(t=document.documentElement),U.__&&U.__(e,t),i=(s=!1)?null:t.__k,l=[],d=[],mt(t,e=t.__k=wn(ne,null,[e]),i||Be,Be,t.namespaceURI,i?null:t.firstChild?Fe.call(t.childNodes):null,l,i?i.__e:t.firstChild,s,d),nn(l,e,d),e.props.children=null}Fe=Ue.slice,U={__e:function(e,t,r,s){for(var i,l,d;t=t.__;)if((i=t.__c)&&!i.__)try{if((l=i.constructor)&&l.getDerivedStateFromError!=null&&(i.setState(l.getDerivedStateFromError(e)),d=i.__d),i.componentDidCatch!=null&&(i.componentDidCatch(e,s||{}),d=i.__d),d)return i.__E=i}catch(a){e=a}throw e}},Jt=0,we.prototype.setState=function(e,t){var r;r=this.__s!=null&&this.__s!=this.state?this.__s:this.__s=ce({},this.state),typeof e=="function"&&(e=e(ce({},r),this.props)),e&&ce(r,e),e!=null&&this.__v&&(t&&this._sb.push(t),yt(this))},we.prototype.forceUpdate=function(e){this.__v&&(this.__e=!0,e&&this.__h.push(e),yt(this))},we.prototype.render=ne,ue=[],Xt=typeof Promise=="function"?Promise.prototype.then.bind(Promise.resolve()):setTimeout,Kt=function(e,t){return e.__v.__b-t.__v.__b},Ve.__r=0,Je=Math.random().toString(8),Ne="__d"+Je,Ce="__a"+Je,Qt=/(PointerCapture)$|Capture$/i,ut=0,st=bt(!1),ot=bt(!0);var Cn=0;function n(e,t,r,s,i,l){t||(t={});var d,a,u=t;if("ref"in u)for(a in u={},t)a=="ref"?d=t[a]:u[a]=t[a];var c={type:e,props:u,key:r,ref:d,__k:null,__:null,__b:0,__e:null,__c:null,constructor:void 0,__v:--Cn,__i:-1,__u:0,__source:i,__self:l};if(typeof e=="function"&&(d=e.defaultProps))for(a in d)u[a]===void 0&&(u[a]=d[a]);return U.vnode&&U.vnode(c),c}var Te,J,Xe,wt,Re=0,on=[],X=U,vt=X.__b,St=X.__r,kt=X.diffed,$t=X.__c,It=X.unmount,Et=X.__;function ft(e,t){X.__h&&X.__h(J,e,Re||t),Re=0;var r=J.__H||(J.__H={__:[],__h:[]});return e>=r.__.length&&r.__.push({}),r.__[e]}function v(e){return Re=1,xn(an,e)}function xn(e,t,r){var s=ft(Te++,2);if(s.t=e,!s.__c&&(s.__=[an(void 0,t),function(a){var u=s.__N?s.__N[0]:s.__[0],c=s.t(u,a);u!==c&&(s.__N=[c,s.__[1]],s.__c.setState({}))}],s.__c=J,!J.__f)){var i=function(a,u,c){if(!s.__c.__H)return!0;var h=!1,g=s.__c.props!==a;if(s.__c.__H.__.some(function(p){if(p.__N){h=!0;var m=p.__[0];p.__=p.__N,p.__N=void 0,m!==p.__[0]&&(g=!0)}}),l){var o=l.call(this,a,u,c);return h?o||g:o}return!h||g};J.__f=!0;var l=J.shouldComponentUpdate,d=J.componentWillUpdate;J.componentWillUpdate=function(a,u,c){if(this.__e){var h=l;l=void 0,i(a,u,c),l=h}d&&d.call(this,a,u,c)},J.shouldComponentUpdate=i}return s.__N||s.__}function F(e,t){var r=ft(Te++,3);!X.__s&&ln(r.__H,t)&&(r.__=e,r.u=t,J.__H.__h.push(r))}function Ae(e){return Re=5,Se(function(){return{current:e}},[])}function Se(e,t){var r=ft(Te++,7);return ln(r.__H,t)&&(r.__=e(),r.__H=t,r.__h=e),r.__}function Ct(e,t){return Re=8,Se(function(){return e},t)}function Tn(){for(var e;e=on.shift();){var t=e.__H;if(e.__P&&t)try{t.__h.some(Oe),t.__h.some(it),t.__h=[]}catch(r){t.__h=[],X.__e(r,e.__v)}}}X.__b=function(e){J=null,vt&&vt(e)},X.__=function(e,t){e&&t.__k&&t.__k.__m&&(e.__m=t.__k.__m),Et&&Et(e,t)},X.__r=function(e){St&&St(e),Te=0;var t=(J=e.__c).__H;t&&(Xe===J?(t.__h=[],J.__h=[],t.__.some(function(r){r.__N&&(r.__=r.__N),r.u=r.__N=void 0})):(t.__h.some(Oe),t.__h.some(it),t.__h=[],Te=0)),Xe=J},X.diffed=function(e){kt&&kt(e);var t=e.__c;t&&t.__H&&(t.__H.__h.length&&(on.push(t)!==1&&wt===X.requestAnimationFrame||((wt=X.requestAnimationFrame)||Rn)(Tn)),t.__H.__.some(function(r){r.u&&(r.__H=r.u,r.u=void 0)})),Xe=J=null},X.__c=function(e,t){t.some(function(r){try{r.__h.some(Oe),r.__h=r.__h.filter(function(s){return!s.__||it(s)})}catch(s){t.some(function(i){i.__h&&(i.__h=[])}),t=[],X.__e(s,r.__v)}}),$t&&$t(e,t)},X.unmount=function(e){It&&It(e);var t,r=e.__c;r&&r.__H&&(r.__H.__.some(function(s){try{Oe(s)}catch(i){t=i}}),r.__H=void 0,t&&X.__e(t,r.__v))};var xt=typeof requestAnimationFrame=="function";function Rn(e){var t,r=function(){clearTimeout(s),xt&&cancelAnimationFrame(t),setTimeout(e)},s=setTimeout(r,35);xt&&(t=requestAnimationFrame(r))}function Oe(e){var t=J,r=e.__c;typeof r=="function"&&(e.__c=void 0,r()),J=t}function it(e){var t=J;e.__c=e.__(),J=t}function ln(e,t){return!e||e.length!==t.length||t.some(function(r,s){return r!==e[s]})}function an(e,t){return typeof t=="function"?t(e):t}function Q(e){return e===null?"null":Array.isArray(e)?"array":typeof e}function fe(e){return Q(e)==="object"}function An(e){return Array.isArray(e)&&e.length>0&&e.every(t=>"message"in t)}function Tt(e,t){return e.length<124?e:t}const jn="graphql-transport-ws";var ee=(e=>(e[e.InternalServerError=4500]="InternalServerError",e[e.InternalClientError=4005]="InternalClientError",e[e.BadRequest=4400]="BadRequest",e[e.BadResponse=4004]="BadResponse",e[e.Unauthorized=4401]="Unauthorized",e[e.Forbidden=4403]="Forbidden",e[e.SubprotocolNotAcceptable=4406]="SubprotocolNotAcceptable",e[e.ConnectionInitialisationTimeout=4408]="ConnectionInitialisationTimeout",e[e.ConnectionAcknowledgementTimeout=4504]="ConnectionAcknowledgementTimeout",e[e.SubscriberAlreadyExists=4409]="SubscriberAlreadyExists",e[e.TooManyInitialisationRequests=4429]="TooManyInitialisationRequests",e))(ee||{}),te=(e=>(e.ConnectionInit="connection_init",e.ConnectionAck="connection_ack",e.Ping="ping",e.Pong="pong",e.Subscribe="subscribe",e.Next="next",e.Error="error",e.Complete="complete",e))(te||{});function cn(e){if(!fe(e))throw new Error(`Message is expected to be an object, but got ${Q(e)}`);if(!e.type)throw new Error("Message is missing the 'type' property");if(typeof e.type!="string")throw new Error(`Message is expects the 'type' property to be a string, but got ${Q(e.type)}`);switch(e.type){case"connection_init":case"connection_ack":case"ping":case"pong":{if(e.payload!=null&&!fe(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an object or nullish or missing, but got "${e.payload}"`);break}case"subscribe":{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${Q(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);if(!fe(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an object, but got ${Q(e.payload)}`);if(typeof e.payload.query!="string")throw new Error(`"${e.type}" message payload expects the 'query' property to be a string, but got ${Q(e.payload.query)}`);if(e.payload.variables!=null&&!fe(e.payload.variables))throw new Error(`"${e.type}" message payload expects the 'variables' property to be a an object or nullish or missing, but got ${Q(e.payload.variables)}`);if(e.payload.operationName!=null&&Q(e.payload.operationName)!=="string")throw new Error(`"${e.type}" message payload expects the 'operationName' property to be a string or nullish or missing, but got ${Q(e.payload.operationName)}`);if(e.payload.extensions!=null&&!fe(e.payload.extensions))throw new Error(`"${e.type}" message payload expects the 'extensions' property to be a an object or nullish or missing, but got ${Q(e.payload.extensions)}`);break}case"next":{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${Q(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);if(!fe(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an object, but got ${Q(e.payload)}`);break}case"error":{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${Q(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);if(!An(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an array of GraphQL errors, but got ${JSON.stringify(e.payload)}`);break}case"complete":{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${Q(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);break}default:throw new Error(`Invalid message 'type' property "${e.type}"`)}return e}function Mn(e,t){return cn(typeof e=="string"?JSON.parse(e,t):e)}function $e(e,t){return cn(e),JSON.stringify(e,t)}function Pn(e){const{url:t,connectionParams:r,lazy:s=!0,onNonLazyError:i=console.error,lazyCloseTimeout:l=0,keepAlive:d=0,disablePong:a,connectionAckWaitTimeout:u=0,retryAttempts:c=5,retryWait:h=async function(q){const y=Math.pow(2,q);await new Promise(T=>setTimeout(T,y*1e3+Math.floor(Math.random()*2700+300)))},shouldRetry:g=Ke,on:o,webSocketImpl:p,generateID:m=function(){return"xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx".replace(/[xy]/g,q=>{const y=Math.random()*16|0;return(q=="x"?y:y&3|8).toString(16)})},jsonMessageReplacer:b,jsonMessageReviver:S}=e;let f;if(p){if(!Dn(p))throw new Error("Invalid WebSocket implementation provided");f=p}else typeof WebSocket<"u"?f=WebSocket:typeof global<"u"?f=global.WebSocket||global.MozWebSocket:typeof window<"u"&&(f=window.WebSocket||window.MozWebSocket);if(!f)throw new Error("WebSocket implementation missing; on Node you can `import WebSocket from 'ws';` and pass `webSocketImpl: WebSocket` to `createClient`");const _=f,$=(()=>{const x=(()=>{const y={};return{on(T,N){return y[T]=N,()=>{delete y[T]}},emit(T){"id"in T&&y[T.id]?.(T)}}})(),q={connecting:o?.connecting?[o.connecting]:[],opened:o?.opened?[o.opened]:[],connected:o?.connected?[o.connected]:[],ping:o?.ping?[o.ping]:[],pong:o?.pong?[o.pong]:[],message:o?.message?[x.emit,o.message]:[x.emit],closed:o?.closed?[o.closed]:[],error:o?.error?[o.error]:[]};return{onMessage:x.on,on(y,T){const N=q[y];return N.push(T),()=>{const O=N.indexOf(T);O>-1&&N.splice(O,1)}},emit(y,...T){for(const N of[...q[y]])N(...T)}}})();function k(x){const q=[$.on("error",y=>{q.forEach(T=>T()),x(y)}),$.on("closed",y=>{q.forEach(T=>T()),x(y)})];return()=>q.forEach(y=>y())}let C,E=0,P,A=!1,D=0,V=!1;async function W(){clearTimeout(P);const[x,q]=await(C??(C=new Promise((N,O)=>(async()=>{if(A){if(await h(D),!E)return C=void 0,O({code:1e3,reason:"All Subscriptions Gone"});D++}$.emit("connecting",A);const j=new _(typeof t=="function"?await t():t,jn);let re,de;function be(){isFinite(d)&&d>0&&(clearTimeout(de),de=setTimeout(()=>{j.readyState===_.OPEN&&(j.send($e({type:te.Ping})),$.emit("ping",!1,void 0))},d))}k(G=>{C=void 0,clearTimeout(re),clearTimeout(de),O(G),G instanceof Rt&&(j.close(4499,"Terminated"),j.onerror=null,j.onclose=null)}),j.onerror=G=>$.emit("error",G),j.onclose=G=>$.emit("closed",G),j.onopen=async()=>{try{$.emit("opened",j);const G=typeof r=="function"?await r():r;if(j.readyState!==_.OPEN)return;j.send($e(G?{type:te.ConnectionInit,payload:G}:{type:te.ConnectionInit},b)),isFinite(u)&&u>0&&(re=setTimeout(()=>{j.close(ee.ConnectionAcknowledgementTimeout,"Connection acknowledgement timeout")},u)),be()}catch(G){$.emit("error",G),j.close(ee.InternalClientError,Tt(G instanceof Error?G.message:String(G),"Internal client error"))}};let se=!1;j.onmessage=({data:G})=>{try{const z=Mn(G,S);if($.emit("message",z),z.type==="ping"||z.type==="pong"){$.emit(z.type,!0,z.payload),z.type==="pong"?be():a||(j.send($e(z.payload?{type:te.Pong,payload:z.payload}:{type:te.Pong},b)),$.emit("pong",!1,z.payload));return}if(se)return;if(z.type!==te.ConnectionAck)throw new Error(`First message cannot be of type ${z.type}`);clearTimeout(re),se=!0,$.emit("connected",j,z.payload,A),A=!1,D=0;const w=new Promise((I,R)=>k(R));w.catch(()=>{}),N([j,w])}catch(z){j.onmessage=null,$.emit("error",z),j.close(ee.BadResponse,Tt(z instanceof Error?z.message:String(z),"Bad response"))}}})())));x.readyState===_.CLOSING&&await q;let y=()=>{};const T=new Promise(N=>y=N);return[x,y,new Promise((N,O)=>{const j=k(O);x.readyState!==_.OPEN&&q.catch(O),T.then(()=>{if(j(),!E){const re=()=>x.close(1e3,"Normal Closure");isFinite(l)&&l>0?(clearTimeout(P),P=setTimeout(()=>{!E&&x.readyState===_.OPEN&&re()},l)):re()}N()})})]}function Y(x){if(Ke(x)&&(Nn(x.code)||[ee.InternalServerError,ee.InternalClientError,ee.BadRequest,ee.BadResponse,ee.Unauthorized,ee.SubprotocolNotAcceptable,ee.SubscriberAlreadyExists,ee.TooManyInitialisationRequests].includes(x.code)))throw x;if(V)return!1;if(Ke(x)&&x.code===1e3)return E>0;if(!c||D>=c||!g(x))throw x;return A=!0}s||(async()=>{for(E++;;)try{const[,,x]=await W();await x}catch(x){try{if(!Y(x))return}catch(q){return i?.(q)}}})();function Z(x,q){const y=m(x);let T=!1,N=!1,O=()=>{E--,T=!0};return(async()=>{for(E++;;)try{const[j,re,de]=await W();if(T)return de.catch(()=>{}),re();const be=$.onMessage(y,se=>{switch(se.type){case te.Next:{q.next(se.payload);return}case te.Error:{N=!0,T=!0,q.error(se.payload),O();return}case te.Complete:{T=!0,O();return}}});j.send($e({id:y,type:te.Subscribe,payload:x},b)),O=()=>{!T&&j.readyState===_.OPEN&&j.send($e({id:y,type:te.Complete},b)),E--,T=!0,re()},await de.finally(be);return}catch(j){if(!Y(j))return}})().then(()=>{N||q.complete()}).catch(j=>{q.error(j)}),()=>{T||O()}}return{on:$.on,subscribe:Z,iterate(x){const q=[],y={done:!1,error:null,resolve:()=>{}},T=Z(x,{next(O){q.push(O),y.resolve()},error(O){y.done=!0,y.error=O,y.resolve()},complete(){y.done=!0,y.resolve()}}),N=(async function*(){for(;;){for(q.length||await new Promise(j=>y.resolve=j);q.length;)yield q.shift();if(y.error)throw y.error;if(y.done)return}})();return N.throw=async O=>(y.done||(y.done=!0,y.error=O,y.resolve()),{done:!0,value:void 0}),N.return=async()=>(T(),{done:!0,value:void 0}),N},async dispose(){if(V=!0,C){const[x]=await C;x.close(1e3,"Normal Closure")}},terminate(){C&&$.emit("closed",new Rt)}}}class Rt extends Error{name="TerminatedCloseEvent";message="4499: Terminated";code=4499;reason="Terminated";wasClean=!1}function Ke(e){return fe(e)&&"code"in e&&"reason"in e}function Nn(e){return[1e3,1001,1006,1005,1012,1013,1014].includes(e)?!1:e>=1e3&&e<=1999}function Dn(e){return typeof e=="function"&&"constructor"in e&&"CLOSED"in e&&"CLOSING"in e&&"CONNECTING"in e&&"OPEN"in e}let he=null;async function On(){const e=await fetch("/api/session",{headers:{Accept:"application/json"}});if(!e.ok)return he=null,null;const t=await e.json();return he={user:t.user,admin:t.admin,csrfToken:t.csrf_token},he}async function Hn(){const e={Accept:"application/json"};he&&(e["X-CSRF-Token"]=he.csrfToken),await fetch("/logout",{method:"POST",headers:e}),he=null}function je(e=location.pathname+location.search){return"/login?next="+encodeURIComponent(e)}class me extends Error{errors;constructor(t){super(t.map(r=>r.message).join("; ")||"request failed"),this.errors=t}has(t){return this.errors.some(r=>r.code===t)}}async function B(e,t,r){const s={"Content-Type":"application/json",Accept:"application/json"};he&&(s["X-CSRF-Token"]=he.csrfToken);const i={method:"POST",headers:s,body:JSON.stringify({query:e.toString(),variables:t}),credentials:"same-origin"},l=await fetch("/graphql",i);let d;try{d=await l.json()}catch{throw new me([{message:`HTTP ${l.status}`,code:l.status===401?"UNAUTHENTICATED":null}])}if(d.errors?.length)throw new me(d.errors.map(a=>({message:a.message,code:a.extensions?.code??null})));if(d.data==null)throw new me([{message:`HTTP ${l.status}`,code:null}]);return d.data}async function Ln(e,t,r){const s=new URLSearchParams({repo:e,name:t});"version"in r?s.set("version",r.version):"stage"in r&&s.set("stage",r.stage);const i=await fetch("/api/model-registry/get-download-uris?"+s.toString(),{headers:{Accept:"application/json"},credentials:"same-origin"});let l;try{l=await i.json()}catch{throw new me([{message:`HTTP ${i.status}`,code:null}])}if(!i.ok){const a=l??{};throw new me([{message:typeof a.detail=="string"?a.detail:`HTTP ${i.status}`,code:typeof a.code=="string"?a.code:null}])}const d={};if(typeof l=="object"&&l!==null)for(const[a,u]of Object.entries(l))typeof u=="string"&&(d[a]=u);return d}let Qe=null;function qn(){if(!Qe){const e=location.protocol==="https:"?"wss:":"ws:";Qe=Pn({url:`${e}//${location.host}/graphql`,lazy:!0,retryAttempts:1/0,shouldRetry:()=>!0,retryWait:async t=>{await new Promise(r=>setTimeout(r,Math.min(1e3*2**t,15e3)))}})}return Qe}function lt(e,t,r,s){return qn().subscribe({query:e.toString(),variables:t},{next:i=>{i.data&&r(i.data)},error:i=>s?.(i),complete:()=>{}})}const at=new Set;function dn(){for(const e of at)e()}window.addEventListener("popstate",dn);function He(e,t=!1){e!==location.pathname+location.search&&(t?history.replaceState(null,"",e):history.pushState(null,"",e),dn())}function Bn(){const[,e]=v(0);return F(()=>{const t=()=>e(r=>r+1);return at.add(t),()=>{at.delete(t)}},[]),{path:location.pathname,query:new URLSearchParams(location.search)}}const Un=["/graphql","/login","/logout","/api/","/auth/"];function Vn(e){e.addEventListener("click",t=>{if(t.defaultPrevented||t.button!==0||t.metaKey||t.ctrlKey||t.shiftKey||t.altKey)return;const s=t.target?.closest("a");if(!s||s.target||s.hasAttribute("download"))return;const i=new URL(s.href,location.href);i.origin===location.origin&&(Un.some(l=>i.pathname===l||i.pathname.startsWith(l))||(t.preventDefault(),He(i.pathname+i.search)))})}function We(e){return"/projects/"+encodeURIComponent(e)}function le(e){if(!e)return"—";const t=new Date(e);return Number.isNaN(t.getTime())?e:t.toISOString().slice(0,16).replace("T"," ")+" UTC"}function At(e,t=Date.now()){if(!e)return"never";const r=Math.round((t-new Date(e).getTime())/1e3);return r<60?`${Math.max(r,0)} s ago`:r<3600?`${Math.round(r/60)} min ago`:r<86400?`${Math.round(r/3600)} h ago`:`${Math.round(r/86400)} d ago`}function ze(e){if(e==null)return"";if(typeof e=="number"){if(Number.isInteger(e))return String(e);const t=Math.abs(e);return t!==0&&(t<.001||t>=1e6)?e.toExponential(3):String(Number(e.toPrecision(5)))}return typeof e=="string"?e:typeof e=="boolean"?e?"true":"false":JSON.stringify(e)}function ct(e){const t=ze(e);return e>0?"+"+t:t}function Le(e){return e.split(":").slice(2).join(":")||e}class M extends String{__apiType;value;__meta__;constructor(t,r){super(t),this.value=t,this.__meta__=r}toString(){return this.value}}new M(`
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
    `,{fragmentName:"ModelFields"});new M(`
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
    `,{fragmentName:"ViewFields"});const Fn=new M(`
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
    `),Gn=new M(`
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
    `),Wn=new M(`
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
    `),zn=new M(`
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
}`),Jn=new M(`
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
}`),Xn=new M(`
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
}`),Kn=new M(`
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
}`),Qn=new M(`
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
}`),Yn=new M(`
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
    `),Zn=new M(`
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
    `),er=new M(`
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
    `),tr=new M(`
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
    `),nr=new M(`
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
    `),rr=new M(`
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
    `),sr=new M(`
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
    `),or=new M(`
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
}`),ir=new M(`
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
    `),lr=new M(`
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
}`),ar=new M(`
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
}`),cr=new M(`
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
}`),dr=new M(`
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
    `),ur=new M(`
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
    `),hr=new M(`
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
}`),mr=new M(`
    mutation DeleteView($input: DeleteViewInput!) {
  deleteView(input: $input) {
    deletedId
    errors {
      code
      message
    }
  }
}
    `),pr=new M(`
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
    `),fr=new M(`
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
}`),gr=new M(`
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
}`),yr=new M(`
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
    `),_r=new M(`
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
    `),br=new M(`
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
    `),wr=new M(`
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
    `);function ke(e){F(()=>{document.title=e?`${e} · gitstudio`:"gitstudio"},[e])}function vr(){return ke("Not found"),n("section",{children:[n("h1",{children:"Not found"}),n("p",{children:["No page here. ",n("a",{href:"/",children:"All projects"})]})]})}function un(e){return n("div",{class:"notice",role:"alert","data-testid":"sign-in-needed",children:e.signedIn?n("p",{children:[e.what," does not exist or you may not read it."]}):n("p",{children:[e.what," is not public. ",n("a",{href:je(),children:"Sign in"})," to see it."]})})}function Me(e){const t=e.error instanceof Error?e.error.message:String(e.error);return n("div",{class:"notice error",role:"alert",children:n("p",{children:t})})}const Sr=15e3;function kr(e){ke("Projects");const[t,r]=v(null),[s,i]=v(0),[l,d]=v(null),[a,u]=v(null);return F(()=>{let c=!1;const h=async()=>{try{const o=[];let p=null,m=0,b=!1;for(let S=0;S<20;S++){const f=await B(Zn,{after:p});if(o.push(...f.projects.nodes),m=f.projects.totalCount,b=f.projects.pageInfo.hasNextPage,p=f.projects.pageInfo.endCursor,!b)break}if(c)return;r(o),i(m),d(b?p:null),u(null)}catch(o){c||u(o)}};h();const g=setInterval(()=>{h()},Sr);return()=>{c=!0,clearInterval(g)}},[]),n("section",{"aria-labelledby":"projects-title",children:[n("h1",{id:"projects-title",children:"Projects"}),a?n(Me,{error:a}):null,e.session?null:n("p",{class:"muted",children:["Signed out: only public projects are listed. ",n("a",{href:je("/"),children:"Sign in"})," to see yours."]}),t===null?n("p",{class:"muted",children:"Loading projects…"}):t.length===0?n("p",{children:"No projects yet. Add one with the createProject mutation or `gitstudio project add`."}):n(ne,{children:[n("table",{class:"projects","data-testid":"projects",children:[n("caption",{class:"sr-only",children:[s," projects"]}),n("thead",{children:n("tr",{children:[n("th",{scope:"col",children:"Project"}),n("th",{scope:"col",children:"Last sync"}),n("th",{scope:"col",children:"State"}),n("th",{scope:"col",class:"num",children:"Commits"}),n("th",{scope:"col",class:"num",children:"Rows"}),n("th",{scope:"col",children:"Running live experiments"})]})}),n("tbody",{children:t.map(c=>n("tr",{"data-testid":"project","data-project":c.name,children:[n("th",{scope:"row",children:[n("a",{href:We(c.name),children:c.name}),n("div",{class:"muted small",title:c.repoUrl,children:[c.visibility.toLowerCase()," · ",c.defaultBranch??"no default branch"]})]}),n("td",{title:le(c.lastSyncedAt),children:At(c.lastSyncedAt)}),n("td",{children:[n("span",{class:`badge sync-${c.syncState.toLowerCase()}`,children:c.syncState.toLowerCase()}),c.lastSyncError?n("div",{class:"sync-error","data-testid":"sync-error",children:c.lastSyncError}):null]}),n("td",{class:"num",children:c.commits.totalCount}),n("td",{class:"num","data-testid":"row-count",children:c.rows.totalCount}),n("td",{"data-testid":"running",children:c.running.totalCount===0?n("span",{class:"muted",children:"none"}):n("ul",{class:"running",children:[c.running.nodes.map(h=>n("li",{children:[n("span",{class:"live-dot","aria-hidden":"true"}),h.name??h.id," · step ",h.lastStep??0," · ",At(h.lastEventAt)]},h.id)),c.running.totalCount>c.running.nodes.length?n("li",{class:"muted",children:["and ",c.running.totalCount-c.running.nodes.length," more"]}):null]})})]},c.id))})]}),l?n("p",{class:"muted",children:["Showing the first ",t.length," of ",s," projects."]}):null]})]})}const $r=(function(){const t=typeof document<"u"&&document.createElement("link").relList;return t&&t.supports&&t.supports("modulepreload")?"modulepreload":"preload"})(),Ir=function(e){return"/"+e},jt={},Mt=function(t,r,s){let i=Promise.resolve();if(r&&r.length>0){let c=function(h){return Promise.all(h.map(g=>Promise.resolve(g).then(o=>({status:"fulfilled",value:o}),o=>({status:"rejected",reason:o}))))};var d=c;document.getElementsByTagName("link");const a=document.querySelector("meta[property=csp-nonce]"),u=a?.nonce||a?.getAttribute("nonce");i=c(r.map(h=>{if(h=Ir(h),h in jt)return;jt[h]=!0;const g=h.endsWith(".css"),o=g?'[rel="stylesheet"]':"";if(document.querySelector(`link[href="${h}"]${o}`))return;const p=document.createElement("link");if(p.rel=g?"stylesheet":$r,g||(p.as="script"),p.crossOrigin="",p.href=h,u&&p.setAttribute("nonce",u),document.head.appendChild(p),g)return new Promise((m,b)=>{p.addEventListener("load",m),p.addEventListener("error",()=>b(new Error(`Unable to preload CSS for ${h}`)))})}))}function l(a){const u=new Event("vite:preloadError",{cancelable:!0});if(u.payload=a,window.dispatchEvent(u),!u.defaultPrevented)throw a}return i.then(a=>{for(const u of a||[])u.status==="rejected"&&l(u.reason);return t().catch(l)})};async function hn(e,t){const[{default:r},{expressionInterpreter:s}]=await Promise.all([Mt(()=>import("./embed-ji_c-7H5.js"),__vite__mapDeps([0,1])),Mt(()=>import("./vega-interpreter-BmnYaw1U.js").then(l=>l.v),[])]),i=await r(e,t,{ast:!0,expr:s,actions:!1,defaultStyle:!1,renderer:"canvas",tooltip:{disableDefaultStyle:!0}});return{finalize:()=>i.finalize(),insert:async(l,d)=>{await i.view.insert(l,d).runAsync()}}}function Er(e,t){return{$schema:"https://vega.github.io/schema/vega-lite/v6.json",title:e,width:360,height:200,data:{name:"points",values:t},mark:{type:"line",point:!0,tooltip:!0},encoding:{x:{field:"step",type:"quantitative",title:"step"},y:{field:"value",type:"quantitative",title:e,scale:{zero:!1}},color:{field:"rev",type:"nominal",title:"row"}}}}const Cr="plot_rows";function Ye(e){return typeof e=="object"&&e!==null&&!Array.isArray(e)}function xr(e){if(!Ye(e))return null;const t=e.data;if(Ye(t)&&Array.isArray(t.values)){const r=typeof t.name=="string"&&t.name?t.name:Cr;return{spec:{...e,data:{...t,name:r}},dataset:r,rows:t.values}}if(Array.isArray(t)){for(const r of t)if(Ye(r)&&typeof r.name=="string"&&Array.isArray(r.values))return{spec:e,dataset:r.name,rows:r.values}}return null}const Tr=2e4;function Pt(e){return typeof e=="object"&&e!==null&&!Array.isArray(e)}class Rr{kept=[];listeners=new Set;listen(t){for(const r of this.kept)t(r);return this.listeners.add(t),()=>{this.listeners.delete(t)}}follow(t,r,s){return lt(Wn,{projectId:t,experimentId:r,sinceStep:s},i=>{const l=i.liveMetrics;if(l.type!=="DATA"||l.step===null)return;const d={};if(Pt(l.plotRows))for(const[a,u]of Object.entries(l.plotRows))Array.isArray(u)&&(d[a]=u);this.emit({rowId:r,step:l.step,metrics:Pt(l.metrics)?l.metrics:{},plotRows:d})})}emit(t){this.kept.length>=Tr&&this.kept.shift(),this.kept.push(t);for(const r of this.listeners)r(t)}}const Ar=12,jr=500;function Mr(e){const t=[...new Set(e.rows.flatMap(s=>s.metricNames))].sort().slice(0,Ar),r=e.rows.map(s=>s.id).join(",");return t.length===0?null:n("div",{class:"plots","data-testid":"metric-charts",children:t.map(s=>n(Pr,{name:s,rows:e.rows.filter(i=>i.metricNames.includes(s)),feed:e.feed},`${r}:${s}`))})}function Pr(e){const t=Ae(null),[r,s]=v(0),[i,l]=v(null);return F(()=>{const d=t.current;if(!d)return;const a={stopped:!1},u=()=>a.stopped;let c=null,h=()=>{};const g=new Map;let o=0;return(async()=>{const b=(await Promise.all(e.rows.map(async f=>{const $=(await B(Gn,{id:f.id,name:e.name,maxPoints:jr})).node,k=$&&"metricHistory"in $?$.metricHistory:null,C=[];return k&&k.steps.forEach((E,P)=>{const A=k.values[P];typeof A=="number"&&C.push({rev:f.label,step:E,value:A})}),C}))).flat();for(const f of b)g.set(f.rev,Math.max(g.get(f.rev)??-1,f.step));if(u())return;if(c=await hn(d,Er(e.name,b)),u()){c.finalize();return}o=b.length,s(o);const S=new Map(e.rows.filter(f=>f.live).map(f=>[f.id,f.label]));h=e.feed.listen(f=>{const _=S.get(f.rowId),$=f.metrics[e.name];_===void 0||typeof $!="number"||(g.get(_)??-1)>=f.step||(g.set(_,f.step),o+=1,s(o),c?.insert("points",[{rev:_,step:f.step,value:$}]))})})().catch(m=>l(m instanceof Error?m.message:String(m))),()=>{a.stopped=!0,h(),c?.finalize()}},[]),n("figure",{class:"plot","data-testid":"metric-chart","data-metric":e.name,"data-points":r,children:[n("figcaption",{children:e.name}),n("div",{ref:t,class:"chart"}),i?n("p",{class:"sync-error",children:i}):null]})}function Nr(e){const[t,r]=v(null),[s,i]=v(null),[l,d]=v(!0),a=e.ids.join(",");F(()=>{let o=!1;return r(null),B(Fn,{projectId:e.projectId,ids:e.ids,baseline:e.baselineId}).then(p=>{const m=p.node;!o&&m&&"compare"in m&&r(m.compare)}).catch(p=>{o||i(p instanceof Error?p.message:String(p))}),()=>{o=!0}},[e.projectId,a,e.baselineId]);const u=Se(()=>new Rr,[t]);F(()=>{if(!t)return;const o=t.experiments.filter(p=>p.kind==="LIVE"&&(p.status==="RUNNING"||p.status==="QUEUED")).map(p=>u.follow(e.projectId,p.id,p.lastStep===null?null:p.lastStep-1));return()=>{for(const p of o)p()}},[u]);const c=t?.experiments.some(o=>o.kind==="LIVE"&&(o.status==="RUNNING"||o.status==="QUEUED"))??!1,h=new Set(t?.differing??[]),g=t?t.rows.filter(o=>!l||h.has(o.column)):[];return n("section",{class:"compare","aria-labelledby":"compare-title","data-testid":"compare-panel",children:[n("div",{class:"compare-head",children:[n("h2",{id:"compare-title",children:["Compare ",e.ids.length," rows"]}),n("label",{children:[n("input",{type:"checkbox",checked:l,onChange:o=>d(o.currentTarget.checked)})," only columns that differ"]}),n("button",{type:"button",onClick:e.onClose,children:"Close compare"})]}),s?n("p",{class:"sync-error",children:s}):null,!t&&!s?n("p",{class:"muted",children:"Loading…"}):null,t?n(ne,{children:[n("div",{class:"compare-table-wrap",children:n("table",{class:"compare-table",children:[n("thead",{children:n("tr",{children:[n("th",{scope:"col",children:"Column"}),t.experiments.map(o=>n("th",{scope:"col",children:o.name??o.sha?.slice(0,7)??o.id},o.id))]})}),n("tbody",{children:g.map(o=>n("tr",{children:[n("th",{scope:"row",title:o.column,children:o.column}),o.values.map((p,m)=>{const b=o.deltas[m],S=o.better[m];return n("td",{class:`num ${S===!0?"better":S===!1?"worse":""}`,children:[ze(p),b!=null&&b!==0?n("span",{class:"delta",children:[" (",ct(b),")"]}):null]},m)})]},o.column))})]})}),n(Mr,{feed:u,rows:t.experiments.map(o=>({id:o.id,label:o.name??o.sha?.slice(0,7)??o.id,live:o.kind==="LIVE"&&(o.status==="RUNNING"||o.status==="QUEUED"),metricNames:o.metricNames}))}),n("div",{class:"plots","data-testid":"plots",children:[t.plots.map(o=>n(Dr,{plot:o,feed:c?u:null},o.id)),t.plots.length===0?n("p",{class:"muted",children:"These rows have no plots."}):null]}),t.plotErrors.length?n("ul",{class:"plot-errors",children:t.plotErrors.map((o,p)=>n("li",{class:"sync-error",children:[o.revision,": ",o.plot??"all plots",": ",o.message]},p))}):null]}):null]})}function Dr(e){const{plot:t}=e,[r,s]=v(null);return t.kind==="IMAGE"?n(Hr,{plot:t}):n("figure",{class:"plot","data-testid":"plot","data-plot":t.id,"data-rows":r??void 0,children:[n("figcaption",{children:t.id}),n(mn,{spec:t.spec,live:e.feed?{feed:e.feed,plot:t.id,onRows:s}:null})]})}function Or(e){const t=new Map;for(const r of e){if(typeof r!="object"||r===null)continue;const{rev:s,step:i}=r;typeof i=="number"&&t.set(s,Math.max(t.get(s)??-1/0,i))}return t}function Hr(e){const{plot:t}=e,r=[...new Set(t.images.map(u=>u.step).filter(u=>u!==null))].sort((u,c)=>u-c),[s,i]=v(r.length-1),l=r[Math.min(Math.max(s,0),r.length-1)],a=[...new Set(t.images.map(u=>u.revision))].map(u=>{const c=t.images.filter(g=>g.revision===u);if(l===void 0)return c[c.length-1];const h=c.filter(g=>g.step===null||g.step<=l);return h[h.length-1]??c[0]}).filter(u=>u!==void 0);return n("figure",{class:"plot","data-testid":"plot","data-plot":t.id,children:[n("figcaption",{children:t.id}),r.length>1?n("label",{class:"step-slider",children:["Step ",l,n("input",{type:"range",min:0,max:r.length-1,value:s,onInput:u=>i(Number(u.currentTarget.value)),"data-testid":"step-slider"})]}):null,n("div",{class:"images",children:a.map(u=>n("img",{src:u.url,alt:`${t.id} of ${u.revision}${u.step!==null?` at step ${u.step}`:""}`,loading:"lazy"},u.url))})]})}function mn(e){const t=Ae(null),[r,s]=v("loading"),i=e.live??null;return F(()=>{const l=t.current;if(!l||e.spec==null)return;let d=null,a=!1,u=()=>{};const c=i?xr(e.spec):null;return hn(l,c?c.spec:e.spec).then(h=>{if(a){h.finalize();return}if(d=h,s("ready"),!i||!c)return;const g=Or(c.rows);let o=c.rows.length;i.onRows(o),u=i.feed.listen(p=>{const m=(p.plotRows[i.plot]??[]).filter(b=>{if(typeof b!="object"||b===null)return!1;const{rev:S}=b,f=g.get(S);return f===void 0||p.step>f});if(m.length!==0){for(const b of m)g.set(b.rev,p.step);o+=m.length,i.onRows(o),h.insert(c.dataset,m)}})}).catch(h=>s(h instanceof Error?h.message:String(h))),()=>{a=!0,u(),d?.finalize()}},[e.spec,i?.feed]),n("div",{class:"chart-wrap","data-state":r==="loading"||r==="ready"?r:"error",children:[n("div",{ref:t,class:"chart","data-testid":"chart"}),r!=="loading"&&r!=="ready"?n("p",{class:"sync-error",children:r}):null]})}const Lr=new Set(["EQ","NE","GT","GTE","LT","LTE"]);function pn(e){return Lr.has(e.op)}function qr(e,t){const{vsBaseline:r,...s}=e;if(!r)return s;if(!pn(e)||typeof e.value!="number"||!t)return null;const i=t.values.find(l=>l.column===e.column)?.value;return typeof i=="number"?{...s,value:i+e.value}:null}const Br=[{op:"EQ",label:"="},{op:"NE",label:"≠"},{op:"GT",label:">"},{op:"GTE",label:"≥"},{op:"LT",label:"<"},{op:"LTE",label:"≤"},{op:"CONTAINS",label:"contains"},{op:"EXISTS",label:"exists"}],Ur=[{field:"BRANCH",label:"Branch"},{field:"AUTHOR",label:"Author"},{field:"MESSAGE",label:"Message"},{field:"COMMITTED_AT",label:"Created"}],Vr={branch:"",onBranch:"",tag:"",detached:"",author:"",message:""};function fn(e){const t=e.filter(s=>s.kind==="METRIC").map(s=>s.id),r=e.filter(s=>s.kind==="PARAM").map(s=>s.id);return t.length+r.length<=40?[...t,...r]:[...t.slice(0,20),...r.slice(0,20)]}function Ze(e){return{columns:fn(e.columns),sort:null,git:{...Vr},conditions:[],showHidden:!1,groupByBranch:!0,baselineId:null,baseline:null,deltas:!1,viewGoals:{},view:null}}function ve(e){const t={},r=e.git;r.branch&&(t.branch=r.branch),r.onBranch&&(t.onBranch=r.onBranch),r.tag&&(t.tag=r.tag),r.detached&&(t.detached=r.detached==="only"),r.author.trim()&&(t.author=r.author.trim()),r.message.trim()&&(t.message=r.message.trim());const s=e.conditions.filter(i=>i.column).map(i=>qr(i,e.baseline)).filter(i=>i!==null);return s.length&&(t.columns=s),e.showHidden&&(t.includeHidden=!0),t}function xe(e){return e?e.key.startsWith("field:")?[{field:e.key.slice(6),direction:e.direction}]:[{column:e.key,direction:e.direction}]:null}function Nt(e){return(e.sort===null||e.sort.key==="field:COMMITTED_AT")&&e.conditions.length===0&&!e.git.author.trim()&&!e.git.message.trim()}function Ie(e){return typeof e=="string"?e:""}function et(e,t,r,s=[]){const i=new Set(t.columns.map(o=>o.id)),l=e.filter??{},a=(Array.isArray(e.order)?e.order:[])[0];let u=null;if(a){const o=a.direction==="ASC"?"ASC":"DESC";typeof a.column=="string"&&a.column?u={key:a.column,direction:o}:typeof a.field=="string"&&a.field&&(u={key:"field:"+a.field,direction:o})}const c=l.detached===!0?"only":l.detached===!1?"none":"",h={};for(const o of s)o.goal&&(h[o.column]=o.goal);const g=e.columns.filter(o=>i.has(o));return{...r,columns:g.length?g:fn(t.columns),sort:u,git:{branch:Ie(l.branch),onBranch:Ie(l.onBranch),tag:Ie(l.tag),detached:c,author:Ie(l.author),message:Ie(l.message)},conditions:Array.isArray(l.columns)?l.columns:[],showHidden:e.includeHidden,baselineId:e.baseline?.id??null,baseline:null,deltas:r.deltas&&e.baseline!==null,viewGoals:h,view:e.name}}function Fr(e,t){const r=new Map;for(const s of e.columnGoals)s.goal&&r.set(s.column,s.goal);for(const[s,i]of Object.entries(t.viewGoals))r.set(s,i);return r}function gn(e){const t=e.trim();if(t==="")return null;try{return JSON.parse(t)}catch{return t}}function Gr(e,t){const r=new URLSearchParams;r.set("filter",JSON.stringify(ve(t)));const s=xe(t.sort);s&&r.set("orderBy",JSON.stringify(s));for(const i of t.columns)r.append("columns",i);return`/api/projects/${e}/experiments.csv?${r.toString()}`}function Dt(e){return{columns:e.columns,filter:ve(e),order:xe(e.sort)??[],includeHidden:e.showHidden,baseline:e.baselineId?{id:e.baselineId}:null}}function Wr(e){if(!e)return null;let t;try{t=JSON.parse(e)}catch{return null}if(typeof t!="object"||t===null||Array.isArray(t))return null;const r=t,s=Array.isArray(r.columns)?r.columns.filter(d=>typeof d=="string"):[],i=typeof r.filter=="object"&&r.filter!==null&&!Array.isArray(r.filter)?r.filter:{},l=r.baseline;return{id:"",name:"",shared:!1,owner:null,columns:s,filter:i,order:Array.isArray(r.order)?r.order.filter(d=>typeof d=="object"&&d!==null):[],includeHidden:r.includeHidden===!0,baseline:l&&typeof l.id=="string"?{id:l.id}:null}}function tt(e){const[t,r]=v(e.value);return F(()=>{r(e.value)},[e.value]),n("input",{type:e.type,value:t,onInput:s=>r(s.currentTarget.value),onChange:s=>e.commit(s.currentTarget.value)})}function zr(e){const{project:t,state:r,update:s}=e,i=c=>s({git:{...r.git,...c}}),l=t.branches.filter(c=>r.showHidden||!c.hidden),d=r.conditions,a=(c,h)=>s({conditions:d.map((g,o)=>o===c?{...g,...h}:g)}),u=d.length+Object.values(r.git).filter(c=>c!=="").length;return n("details",{class:"panel","data-testid":"filters",children:[n("summary",{children:["Filters",u?` (${u})`:""]}),n("div",{class:"panel-body",children:[n("fieldset",{children:[n("legend",{children:"Git"}),n("label",{children:["Branch",n("select",{value:r.git.branch,onChange:c=>i({branch:c.currentTarget.value}),"data-testid":"filter-branch",children:[n("option",{value:"",children:"any"}),l.map(c=>n("option",{value:c.name,children:c.name},c.name))]})]}),n("label",{children:["Commits on branch",n("select",{value:r.git.onBranch,onChange:c=>i({onBranch:c.currentTarget.value}),children:[n("option",{value:"",children:"any"}),l.map(c=>n("option",{value:c.name,children:c.name},c.name))]})]}),n("label",{children:["Tag",n("select",{value:r.git.tag,onChange:c=>i({tag:c.currentTarget.value}),children:[n("option",{value:"",children:"any"}),t.tags.map(c=>n("option",{value:c.name,children:c.name},c.name))]})]}),n("label",{children:["Detached",n("select",{value:r.git.detached,onChange:c=>i({detached:c.currentTarget.value}),children:[n("option",{value:"",children:"shown"}),n("option",{value:"only",children:"only"}),n("option",{value:"none",children:"left out"})]})]}),n("label",{children:["Author",n(tt,{type:"search",value:r.git.author,commit:c=>i({author:c})})]}),n("label",{children:["Message",n(tt,{type:"search",value:r.git.message,commit:c=>i({message:c})})]})]}),n("fieldset",{children:[n("legend",{children:"Values"}),d.map((c,h)=>n("div",{class:"condition","data-testid":"condition",children:[n("label",{children:[n("span",{class:"sr-only",children:["Column of condition ",h+1]}),n("select",{value:c.column,onChange:g=>a(h,{column:g.currentTarget.value}),children:t.columns.map(g=>n("option",{value:g.id,children:g.id},g.id))})]}),n("label",{children:[n("span",{class:"sr-only",children:["Operator of condition ",h+1]}),n("select",{value:c.op,onChange:g=>a(h,{op:g.currentTarget.value}),children:Br.map(g=>n("option",{value:g.op,children:g.label},g.op))})]}),c.op!=="EXISTS"?n("label",{children:[n("span",{class:"sr-only",children:["Value of condition ",h+1]}),n(tt,{type:"text",value:c.value===null||c.value===void 0?"":typeof c.value=="string"?c.value:JSON.stringify(c.value),commit:g=>a(h,{value:gn(g)})})]}):null,pn(c)?n("label",{title:"The value is a difference from the baseline row's (choose a baseline first)",children:[n("input",{type:"checkbox",checked:c.vsBaseline===!0,disabled:!r.baselineId,onChange:g=>a(h,{vsBaseline:g.currentTarget.checked}),"data-testid":"condition-delta"}),n("span",{class:"sr-only",children:["Condition ",h+1," is a delta from the baseline"]}),n("span",{"aria-hidden":"true",children:"Δ baseline"})]}):null,n("button",{type:"button","aria-label":`Remove condition ${h+1}`,onClick:()=>s({conditions:d.filter((g,o)=>o!==h)}),children:"✕"})]},h)),n("button",{type:"button",disabled:t.columns.length===0,onClick:()=>{const c=t.columns.find(h=>h.kind==="METRIC")??t.columns[0];c&&s({conditions:[...d,{column:c.id,op:"GT",value:null}]})},children:"Add condition"})]}),u?n("button",{type:"button",onClick:()=>s({conditions:[],git:{branch:"",onBranch:"",tag:"",detached:"",author:"",message:""}}),children:"Clear filters"}):null]})]})}function Jr(e){const{project:t,state:r,update:s}=e,[i,l]=v(""),d=new Set(r.columns),a=new Map(t.columnGoals.map(m=>[m.column,m.goal])),u=(m,b)=>{const S=[...r.columns],f=S.indexOf(m),_=f+b;f<0||_<0||_>=S.length||([S[f],S[_]]=[S[_],S[f]],s({columns:S}))},c=(m,b)=>s({columns:b?[...r.columns,m]:r.columns.filter(S=>S!==m)}),h=(m,b)=>{const S={};for(const[f,_]of Object.entries(r.viewGoals))f!==m&&(S[f]=_);(b==="HIGHER"||b==="LOWER")&&(S[m]=b),s({viewGoals:S})},g=i.trim().toLowerCase(),o=new Map(t.columns.map(m=>[m.id,m])),p=[...r.columns.map(m=>o.get(m)).filter(m=>m!==void 0),...t.columns.filter(m=>!d.has(m.id))].filter(m=>!g||m.id.toLowerCase().includes(g));return n("details",{class:"panel","data-testid":"columns-chooser",children:[n("summary",{children:["Columns (",r.columns.length,"/",t.columns.length,")"]}),n("div",{class:"panel-body columns-body",children:[n("div",{class:"row-controls",children:[n("label",{children:["Find",n("input",{type:"search",value:i,onInput:m=>l(m.currentTarget.value)})]}),n("button",{type:"button",onClick:()=>s({columns:t.columns.map(m=>m.id)}),children:"Show all"}),n("button",{type:"button",onClick:()=>s({columns:[]}),children:"Hide all"}),e.saveProjectGoals&&Object.keys(r.viewGoals).length?n("button",{type:"button",onClick:e.saveProjectGoals,"data-testid":"save-project-goals",children:"Make these goals the project's"}):null]}),n("ul",{class:"columns-list",children:p.map(m=>{const b=d.has(m.id),S=r.viewGoals[m.id]??"";return n("li",{"data-testid":"column-option","data-column":m.id,children:[n("label",{class:"grow",children:[n("input",{type:"checkbox",checked:b,onChange:f=>c(m.id,f.currentTarget.checked)}),n("span",{class:`kind kind-${m.kind.toLowerCase()}`,children:m.kind==="METRIC"?"M":"P"})," ",m.id]}),n("label",{children:[n("span",{class:"sr-only",children:["Goal of ",m.id]}),n("select",{value:S,onChange:f=>h(m.id,f.currentTarget.value),children:[n("option",{value:"",children:a.get(m.id)?`project: ${(a.get(m.id)??"").toLowerCase()}`:"no goal"}),n("option",{value:"HIGHER",children:"higher is better"}),n("option",{value:"LOWER",children:"lower is better"})]})]}),n("button",{type:"button",disabled:!b,"aria-label":`Move ${m.id} left`,onClick:()=>u(m.id,-1),children:"↑"}),n("button",{type:"button",disabled:!b,"aria-label":`Move ${m.id} right`,onClick:()=>u(m.id,1),children:"↓"})]},m.id)})})]})]})}function Xr(e){const[t,r]=v(""),[s,i]=v(!1),[l,d]=v(null),a=e.views.find(u=>u.name===e.current)??null;return n("div",{class:"views","data-testid":"views",children:[n("label",{children:["View",n("select",{value:e.current??"","data-testid":"view-select",onChange:u=>e.pick(u.currentTarget.value||null),children:[n("option",{value:"",children:"(none)"}),e.views.map(u=>n("option",{value:u.name,children:[u.name,u.shared?" (shared)":""]},u.id))]})]}),a?n("button",{type:"button",onClick:()=>{e.remove(a).then(d)},children:"Delete view"}):null,e.signedIn?n("form",{class:"save-view",onSubmit:u=>{u.preventDefault();const c=t.trim()||e.current||"";if(!c){d("Name the view");return}e.save(c,s).then(h=>{d(h??`Saved “${c}”`),h||r("")})},children:[n("label",{children:["Save as",n("input",{type:"text",value:t,placeholder:e.current??"view name",onInput:u=>r(u.currentTarget.value),"data-testid":"view-name"})]}),n("label",{children:[n("input",{type:"checkbox",checked:s,onChange:u=>i(u.currentTarget.checked)})," shared"]}),n("button",{type:"submit",children:"Save view"})]}):null,l?n("span",{class:"muted",role:"status",children:l}):null]})}function Kr(e){const t=[];if(typeof e!="object"||e===null)return t;for(const[r,s]of Object.entries(e)){const i=typeof s=="object"&&s!==null&&"data"in s?s.data:s,l=(d,a)=>{if(typeof d=="object"&&d!==null&&!Array.isArray(d))for(const[u,c]of Object.entries(d))l(c,a?`${a}.${u}`:u);else a&&t.push({file:r,path:a,value:d})};l(i,"")}return t}function Ot(e){return typeof e=="string"?e:ze(e)}function Qr(e){const[t,r]=v(null),[s,i]=v(""),[l,d]=v({}),[a,u]=v("BRANCH"),[c,h]=v(""),[g,o]=v(""),[p,m]=v(null),[b,S]=v(!1);F(()=>{B(er,{id:e.rowId}).then(k=>{const C=k.node;!C||!("params"in C)||(r(Kr(C.params)),i(C.commit?.sha??C.sha??""))}).catch(k=>m(k instanceof Error?k.message:String(k)))},[e.rowId]);const f=k=>`${k.file}\0${k.path}`,_=(t??[]).filter(k=>f(k)in l&&l[f(k)]!==Ot(k.value)).map(k=>({file:k.file,path:k.path,value:gn(l[f(k)]??"")})),$=async()=>{S(!0);try{const C=(await B(tr,{input:{projectId:e.projectId,baseRev:s,paramChanges:_,target:a,branch:c.trim()||null,message:g.trim()||null}})).runExperiment,E=C.errors[0];if(E)m(`${E.code}: ${E.message}`);else{const P=C.pullRequest;m(`Committed ${C.commit?.sha.slice(0,7)??""}${C.branch?` on ${C.branch}`:""}${P?`, pull request #${P.number}`:""}`)}}catch(k){m(k instanceof Error?k.message:String(k))}finally{S(!1)}};return n("section",{class:"compare","aria-labelledby":"run-title","data-testid":"run-panel",children:[n("div",{class:"compare-head",children:[n("h2",{id:"run-title",children:["Run an experiment from ",e.label]}),n("button",{type:"button",onClick:e.onClose,children:"Close"})]}),t===null?n("p",{class:"muted",children:"Loading params…"}):null,t?n("form",{onSubmit:k=>{k.preventDefault(),$()},children:[n("div",{class:"params-grid",children:t.map(k=>n("label",{class:"param","data-testid":"param","data-file":k.file,"data-path":k.path,children:[n("span",{class:"muted small",children:k.file})," ",k.path,n("input",{type:"text",value:l[f(k)]??Ot(k.value),onInput:C=>d({...l,[f(k)]:C.currentTarget.value})})]},f(k)))}),n("fieldset",{children:[n("legend",{children:"Where the commit goes"}),n("label",{children:["Base",n("input",{type:"text",value:s,onInput:k=>i(k.currentTarget.value),required:!0})]}),n("label",{children:["Target",n("select",{value:a,onChange:k=>u(k.currentTarget.value),"data-testid":"run-target",children:[n("option",{value:"COMMIT",children:"commit onto the branch"}),n("option",{value:"BRANCH",children:"a new branch"}),n("option",{value:"PULL_REQUEST",children:"a new branch and a pull request"})]})]}),n("label",{children:["Branch",n("input",{type:"text",value:c,onInput:k=>h(k.currentTarget.value),"data-testid":"run-branch"})]}),n("label",{children:["Message",n("input",{type:"text",value:g,onInput:k=>o(k.currentTarget.value)})]}),n("button",{type:"submit",class:"primary",disabled:b||_.length===0,"data-testid":"run-submit",children:["Run (",_.length," changed)"]})]})]}):null,p?n("p",{class:"notice",role:"status","data-testid":"run-result",children:p}):null]})}function Yr(e){const[t,r]=v(null),[s,i]=v(null),l=async()=>{const u=(await B(nr,{projectId:e.projectId,state:null})).node;r(u&&"pullRequests"in u?u.pullRequests:[])};F(()=>{l().catch(a=>i(a instanceof Error?a.message:String(a)))},[e.projectId]);const d=async(a,u)=>{try{const c={pullRequestId:a.id},g=(u?(await B(rr,{input:c})).mergePullRequest:(await B(sr,{input:c})).closePullRequest).errors[0];i(g?`${g.code}: ${g.message}`:`#${a.number} ${u?"merged":"closed"}`),await l()}catch(c){i(c instanceof Error?c.message:String(c))}};return n("section",{class:"compare","aria-labelledby":"prs-title","data-testid":"pull-requests",children:[n("div",{class:"compare-head",children:[n("h2",{id:"prs-title",children:"Pull requests"}),n("button",{type:"button",onClick:e.onClose,children:"Close"})]}),s?n("p",{class:"muted",role:"status",children:s}):null,t===null?n("p",{class:"muted",children:"Loading…"}):t.length===0?n("p",{class:"muted",children:"No pull requests."}):n("table",{class:"projects",children:[n("thead",{children:n("tr",{children:[n("th",{scope:"col",children:"#"}),n("th",{scope:"col",children:"Title"}),n("th",{scope:"col",children:"Branches"}),n("th",{scope:"col",children:"State"}),n("th",{scope:"col",children:"Opened"}),n("th",{scope:"col",children:n("span",{class:"sr-only",children:"Actions"})})]})}),n("tbody",{children:t.map(a=>n("tr",{"data-testid":"pull-request","data-number":a.number,children:[n("td",{children:a.url?n("a",{href:a.url,children:["#",a.number]}):`#${a.number}`}),n("th",{scope:"row",children:a.title}),n("td",{children:[a.sourceBranch," → ",a.targetBranch]}),n("td",{children:[a.state.toLowerCase(),a.state==="OPEN"&&a.mergeable===!1?` (conflicts: ${a.conflicts.join(", ")})`:""]}),n("td",{children:[le(a.createdAt)," by ",a.createdBy]}),n("td",{children:a.state==="OPEN"&&a.forge===null?n(ne,{children:[n("button",{type:"button",disabled:a.mergeable===!1,onClick:()=>{d(a,!0)},children:["Merge #",a.number]})," ",n("button",{type:"button",onClick:()=>{d(a,!1)},children:["Close #",a.number]})]}):null})]},a.id))})]})]})}const Zr=200;function es(e){const{project:t}=e,r=t.columns.filter(o=>o.kind==="METRIC"&&o.type==="number"),s=t.branches.filter(o=>!o.hidden),[i,l]=v(t.defaultBranch??s[0]?.name??""),[d,a]=v(r[0]?.id??""),[u,c]=v(null),[h,g]=v(null);return F(()=>{if(!i||!d)return;let o=!1;return c(null),B(wr,{projectId:t.id,branch:i,columns:[d],first:Zr}).then(p=>{const m=p.node;if(o||!m||!("trends"in m))return;const b=m.trends.filter(S=>typeof S.values[0]=="number").map(S=>({committedAt:S.committedAt,value:S.values[0],sha:S.sha.slice(0,7),message:S.message}));c({$schema:"https://vega.github.io/schema/vega-lite/v6.json",title:`${Le(d)} on ${i}`,width:560,height:220,data:{values:b},mark:{type:"line",point:!0,tooltip:!0},encoding:{x:{field:"committedAt",type:"temporal",title:"committed"},y:{field:"value",type:"quantitative",title:Le(d),scale:{zero:!1}},tooltip:[{field:"sha",title:"commit"},{field:"message",title:"message"},{field:"value",title:Le(d)}]}}),g(null)}).catch(p=>{o||g(p instanceof Error?p.message:String(p))}),()=>{o=!0}},[t.id,i,d]),n("section",{class:"compare","aria-labelledby":"trends-title","data-testid":"trends-panel",children:[n("div",{class:"compare-head",children:[n("h2",{id:"trends-title",children:"Trends"}),n("label",{children:["Branch",n("select",{value:i,onChange:o=>l(o.currentTarget.value),children:s.map(o=>n("option",{value:o.name,children:o.name},o.name))})]}),n("label",{children:["Metric",n("select",{value:d,onChange:o=>a(o.currentTarget.value),children:r.map(o=>n("option",{value:o.id,children:o.id},o.id))})]}),n("button",{type:"button",onClick:e.onClose,children:"Close trends"})]}),h?n("p",{class:"sync-error",children:h}):null,r.length===0?n("p",{class:"muted",children:"This project has no numeric metric."}):null,u?n(mn,{spec:u}):null]})}function ts(e,t){switch(e.t){case"branch":return"b:"+e.seg.key;case"row":return e.seg.key+":"+e.row.id;case"child":return e.seg.key+":"+e.parent.id+":"+e.row.id;case"more":return`m:${e.seg.key}:${String(t)}`}}const ns=9e4,rs=500,ss=20;function os(e,t,r){const s=4+e,i=s+2+(t?1+ss*s:0),l=Math.floor(ns/i);return Math.max(5,Math.min(r?100:rs,l))}function is(e,t){const{commit:r,...s}=e,i={...s,committedAt:r?.committedAt,branches:r?.branches};return t&&e.kind==="COMMIT"&&(i.children=r?.experiments?[...r.experiments]:[]),i}class ls{query;segments;onChange;stopped=!1;itemsCache=null;rowItems=new WeakMap;placeholders=new Map;branchItems=new Map;ids=new Map;collapsedBranches;collapsedRows;includeHidden;constructor(t,r,s,i={branches:new Set,rows:new Set}){this.collapsedBranches=i.branches,this.collapsedRows=i.rows,this.query=t,this.segments=r,this.onChange=s,this.includeHidden=!!t.filter.includeHidden}stop(){this.stopped=!0}isStopped(){return this.stopped}changed(){this.itemsCache=null,this.stopped||this.onChange()}reread(){this.generation+=1;for(const t of this.segments){const r=t.rows.length>0;Object.assign(t,{cursor:null,hasNext:!0,loading:!1,error:null,stale:r}),r||(t.total=null)}this.changed()}generation=0;async load(t){if(t.loading||!t.hasNext&&t.total!==null||this.stopped)return;t.loading=!0;const r=this.generation;try{const s={projectId:this.query.projectId,filter:t.filter,orderBy:this.query.orderBy,first:os(this.query.columns.length,this.query.nested,t.total===null),after:t.cursor,columns:this.query.columns},i=this.query.nested?await B(cr,s):await B(ar,s);if(this.isStopped()||r!==this.generation)return;const l=i.node;if(!l||!("experiments"in l))throw new Error("the project is gone");const d=l.experiments;t.stale&&(t.rows=[],t.stale=!1,this.ids.delete(t));const a=this.idsOf(t);for(const u of d.nodes)a.has(u.id)||(a.add(u.id),t.rows.push(is(u,this.query.nested)));t.total=Math.max(d.totalCount,t.rows.length),t.cursor=d.pageInfo.endCursor,t.hasNext=d.pageInfo.hasNextPage,t.hasNext||(t.total=t.rows.length),t.error=null}catch(s){if(r!==this.generation)return;t.error=s instanceof Error?s.message:String(s),t.hasNext=!1,t.total=t.rows.length}finally{r===this.generation&&(t.loading=!1,this.changed())}}idsOf(t){let r=this.ids.get(t);return r||(r=new Set(t.rows.map(s=>s.id)),this.ids.set(t,r)),r}items(){if(this.itemsCache)return this.itemsCache;const t=[],r=this.rowItems;for(const s of this.segments){if(s.key==="detached"&&s.total===0||s.label!==null&&(t.push(this.placeholder(s,"branch")),this.collapsedBranches.has(s.key)))continue;for(const l of s.rows){if(!this.includeHidden&&l.hidden)continue;let d=r.get(l);if(d?.seg!==s&&(d={t:"row",row:l,seg:s,depth:0},r.set(l,d)),t.push(d),l.children&&!this.collapsedRows.has(l.id))for(const a of l.children){if(!this.includeHidden&&a.hidden)continue;let u=r.get(a);(u?.t!=="child"||u.parent!==l||u.seg!==s)&&(u={t:"child",row:a,parent:l,seg:s,depth:1},r.set(a,u)),t.push(u)}}const i=s.error||s.total===null?1:s.total-s.rows.length;if(i>0){const l=this.placeholder(s,"more"),d=t.length;t.length=d+i,t.fill(l,d)}}return this.itemsCache=t,t}placeholder(t,r){const s=r==="branch"?this.branchItems:this.placeholders,i=s.get(t);if(i)return i;const l=r==="branch"?{t:"branch",seg:t}:{t:"more",seg:t};return s.set(t,l),l}*places(t){for(const r of this.segments)for(let s=0;s<r.rows.length;s++){const i=r.rows[s];if(i&&(i.id===t&&(yield{list:r.rows,index:s}),i.children)){const l=i.children.findIndex(d=>d.id===t);l>=0&&(yield{list:i.children,index:l})}}}upsert(t,r){let s=!1;for(const{list:i,index:l}of this.places(t.id)){const d=i[l];d&&(i[l]={...d,...t}),s=!0}return!s&&r&&(s=this.place(t)),s&&this.changed(),s}place(t){if(this.query.nested&&t.kind!=="COMMIT"){let s=!1;for(const l of this.segments)for(const d of l.rows)d.kind==="COMMIT"&&d.sha&&d.sha===t.baselineSha&&d.children&&(d.children.unshift({...t}),s=!0);if(s)return!0;const i=this.segments.find(l=>l.key==="detached");return t.detached&&i?(i.rows.unshift({...t}),this.idsOf(i).add(t.id),i.total=(i.total??0)+1,!0):!1}const r=this.segments[0];return!r||this.query.nested?!1:(r.rows.unshift({...t}),this.idsOf(r).add(t.id),r.total!==null&&(r.total+=1),!0)}patch(t,r){let s=!1;for(const{list:i,index:l}of this.places(t)){const d=i[l];d&&(i[l]={...d,...r}),s=!0}s&&this.changed()}remove(t){let r=!1;for(const s of this.segments){const i=s.rows.length;s.rows=s.rows.filter(l=>l.id!==t),s.rows.length!==i&&(this.ids.get(s)?.delete(t),r=!0,s.total!==null&&(s.total-=i-s.rows.length));for(const l of s.rows)l.children?.some(d=>d.id===t)&&(l.children=l.children.filter(d=>d.id!==t),r=!0)}r&&this.changed()}find(t){for(const{list:r,index:s}of this.places(t))return r[s]??null;return null}}const qe=32,Ht=4,as=60;function yn(e){return e.kind==="COMMIT"?e.sha?.slice(0,7)??String(e.databaseId):e.name??(e.kind==="LIVE"?`live run ${e.databaseId}`:e.sha?.slice(0,7)??String(e.databaseId))}const Lt=new WeakMap;function qt(e){let t=Lt.get(e);return t||(t=new Map(e.values.map(r=>[r.column,r.value])),Lt.set(e,t)),t}function Ee(e,t,r,s=0){const i=r>=0?ye[r]??_e:_e;return(t.length+s)*7.5<=i-16?e:e+" clip"}function cs(e){return(e??"").split(`
`,1)[0]??""}const ye=[36,250,124,120,120,240,140],_e=116,ds=84,dt=ye.reduce((e,t)=>e+t,0),us=(ye[0]??0)+(ye[1]??0),Bt=2;function hs(e){return dt+e.length*_e+ds}function Ut(e,t,r){const s=Math.floor((t+us-dt)/_e),i=Math.floor((t+r-dt)/_e),l=Math.min(e,Math.max(0,s-Bt)),d=Math.min(e,Math.max(l,i+1+Bt));return[l,d]}const nt=8;function ms(e){const{model:t,state:r}=e,s=Ae(null),[i,l]=v(0),[d,a]=v(600),[u,c]=v(1200),[h,g]=v(0),o=t.items(),p=Se(()=>hs(r.columns),[r.columns]),[m,b]=Ut(r.columns.length,h,u),S=Se(()=>[m,b],[m,b]);F(()=>{const E=s.current;if(!E)return;const P=new ResizeObserver(A=>{const D=A[A.length-1]?.contentRect;D&&(a(Math.ceil(D.height)),c(Math.ceil(D.width)))});return P.observe(E),()=>P.disconnect()},[]),F(()=>{s.current&&(s.current.scrollTop=0),l(0)},[t]);const f=i*nt,_=Math.max(0,f-Ht),$=Math.min(o.length,f+nt+Math.ceil(d/qe)+Ht);F(()=>{const E=new Set,P=Math.min(o.length,$+as);for(let A=_;A<P;A++){const D=o[A];D&&(D.t==="more"||D.seg.stale)&&!D.seg.loading&&!D.seg.error&&E.add(D.seg)}for(const A of E)t.load(A)});const k=r.baseline?2:1,C=[];for(let E=_;E<$;E++){const P=o[E];P&&C.push(n(fs,{item:P,index:E,rowIndex:E+k+1,cols:S,...e},ts(P,E)))}return n("div",{class:"table-scroll",ref:s,role:"table","aria-label":`Experiments of ${e.project.name}`,"aria-rowcount":o.length+k,"aria-colcount":ye.length+r.columns.length+1,"data-testid":"experiments-table","data-nested":t.query.nested?"true":"false",onScroll:E=>{const P=E.currentTarget;l(Math.floor(P.scrollTop/qe/nt));const[A,D]=Ut(r.columns.length,P.scrollLeft,u);(A!==m||D!==b)&&g(P.scrollLeft)},style:{"--table-w":`${p}px`},children:[n("div",{role:"rowgroup",class:"thead",children:[n(ps,{columns:r.columns,sort:r.sort,goals:e.goals,onSort:e.onSort}),r.baseline?n(_n,{row:r.baseline,depth:0,rowIndex:2,baseline:!0,...e,index:-1,cols:S}):null]}),n("div",{role:"rowgroup",class:"tbody",style:{height:`${o.length*qe}px`},children:C}),o.length===0?n("p",{class:"empty muted",children:"No rows match."}):null]})}class ps extends we{shouldComponentUpdate(t){const r=this.props;return r.columns!==t.columns||r.sort!==t.sort||r.goals!==t.goals||r.onSort!==t.onSort}render(){const t=this.props,r=i=>t.sort?.key===i?t.sort.direction==="ASC"?"ascending":"descending":"none",s=(i,l,d,a="")=>n("div",{role:"columnheader",class:`th ${a}`,"aria-sort":r(i),"data-testid":"column-header","data-column":i,children:n("button",{type:"button",class:"sort",title:d,onClick:()=>t.onSort(i),children:[n("span",{children:l}),n("span",{class:"arrow","aria-hidden":"true",children:r(i)==="ascending"?"▲":r(i)==="descending"?"▼":""})]})});return n("div",{role:"row",class:"tr head","aria-rowindex":1,children:[n("div",{role:"columnheader",class:"th w0 sticky0",children:n("span",{class:"sr-only",children:"Select"})}),n("div",{role:"columnheader",class:"th w1 sticky1",children:"Experiment"}),n("div",{role:"columnheader",class:"th w2",children:"Status"}),Ur.map((i,l)=>s("field:"+i.field,i.label,`Sort by ${i.label.toLowerCase()}`,`w${String(3+l)}`)),t.columns.map(i=>{const l=t.goals.get(i);return s(i,Le(i),`${i}${l?` (${l.toLowerCase()} is better)`:""}`,i.startsWith("metric:")?"metric num":"param num")}),n("div",{role:"columnheader",class:"th wa",children:n("span",{class:"sr-only",children:"Actions"})})]})}}function fs(e){const{item:t}=e,r={transform:`translateY(${e.index*qe}px)`};if(t.t==="branch"){const s=t.seg,i=e.model.collapsedBranches.has(s.key),l=s.total===null?"…":String(s.total),d=e.project.branches.some(a=>a.name===s.branch&&a.hidden);return n("div",{role:"row",class:"tr branch",style:r,"aria-rowindex":e.rowIndex,"data-testid":"branch-row","data-branch":s.branch??s.key,children:n("div",{role:"cell",class:"td span",children:[n("button",{type:"button",class:"twisty","aria-expanded":!i,"aria-label":`${i?"Expand":"Collapse"} ${s.label??""}`,onClick:()=>{i?e.model.collapsedBranches.delete(s.key):e.model.collapsedBranches.add(s.key),e.model.changed()},children:i?"▸":"▾"}),n("strong",{children:s.label}),n("span",{class:"muted small",children:[l," ",s.key==="detached"?"rows":"commits"]}),s.branch&&e.signedIn?n("button",{type:"button",class:"link",onClick:()=>e.onHideBranch(s.branch??"",d),"aria-label":`${d?"Unhide":"Hide"} branch ${s.branch}`,"data-testid":"hide-branch",children:d?"Unhide branch":"Hide branch"}):null,s.error?n("span",{class:"sync-error",children:s.error}):null]})})}return t.t==="more"?n("div",{role:"row",class:t.seg.error?"tr more read-error":"tr more",style:r,"aria-rowindex":e.rowIndex,"data-testid":t.seg.error?"read-error":"placeholder-row",children:n("div",{role:"cell",class:"td span muted",children:t.seg.error??"Loading…"})}):n(_n,{...e,row:t.row,depth:t.depth,style:r})}class _n extends we{flashUntil=0;collapsed=!1;shouldComponentUpdate(t){const r=this.props;return r.row!==t.row||r.index!==t.index||r.cols!==t.cols||r.rowIndex!==t.rowIndex||r.depth!==t.depth||r.state!==t.state||r.goals!==t.goals||r.selected!==t.selected||r.signedIn!==t.signedIn||r.baseline!==t.baseline||r.model!==t.model||this.flashUntil!==(t.flash.get(t.row.id)??0)||this.collapsed!==t.model.collapsedRows.has(t.row.id)}render(){return this.flashUntil=this.props.flash.get(this.props.row.id)??0,this.collapsed=this.props.model.collapsedRows.has(this.props.row.id),gs(this.props)}}function gs(e){const{row:t,state:r,model:s}=e,[i,l]=e.cols,d=r.columns.length-l+(l===i?i:0),a=yn(t),u=qt(t),c=r.baseline?qt(r.baseline):null,h=e.baseline===!0||r.baseline?.id===t.id,g=(e.flash.get(t.id)??0)>Date.now(),o=s.collapsedRows.has(t.id),p=t.branches?.[0]??"",m=t.author?.name??"",b=cs(t.message),S=le(t.committedAt??t.createdAt).replace(" UTC",""),f=["tr",e.depth===1?"child":"",t.kind==="LIVE"?"live":"",t.status==="RUNNING"?"running":"",t.hidden?"hidden-row":"",e.selected.has(t.id)?"selected":"",g?"flash":"",e.baseline?"baseline":""].join(" ");return n("div",{role:"row",class:f,style:e.style,"aria-rowindex":e.rowIndex,"data-testid":e.baseline?"baseline-row":"row","data-row-id":t.id,"data-kind":t.kind,"data-status":t.status,"data-hidden":t.hidden?"true":"false",children:[n("div",{role:"cell",class:"td w0 sticky0",children:n("input",{type:"checkbox","aria-label":`Select ${a}`,checked:e.selected.has(t.id),onChange:_=>e.onSelect(t.id,_.currentTarget.checked)})}),n("div",{role:"cell",class:"td w1 sticky1 name","data-testid":"row-name",children:[e.depth===1?n("span",{class:"indent","aria-hidden":"true"}):null,t.children&&t.children.length>0&&!e.baseline?n("button",{type:"button",class:"twisty","aria-expanded":!o,"aria-label":`${o?"Show":"Hide"} the ${t.children.length} experiments of ${a}`,onClick:()=>{o?s.collapsedRows.delete(t.id):s.collapsedRows.add(t.id),s.changed()},children:o?"▸":"▾"}):n("span",{class:"twisty-space","aria-hidden":"true"}),n("span",{class:t.kind==="COMMIT"?"sha":"exp-name",title:t.sha??t.name??"",children:a}),h?n("span",{class:"chip base",children:"baseline"}):null,t.kind==="LIVE"?n("span",{class:"chip live-chip",children:["live",t.lastStep!==null?` · step ${t.lastStep}`:""]}):null,t.detached?n("span",{class:"chip",children:"detached"}):null,t.tags.slice(0,2).map(_=>n("span",{class:"chip tag",children:_},_))]}),n("div",{role:"cell",class:"td w2","data-testid":"status",children:n("span",{class:`status status-${t.status.toLowerCase()}`,children:t.status})}),n("div",{role:"cell",class:Ee("td w3",p,3),children:p}),n("div",{role:"cell",class:Ee("td w4",m,4),children:m}),n("div",{role:"cell",class:Ee("td w5",b,5),title:t.message??"",children:b}),n("div",{role:"cell",class:Ee("td w6",S,6),title:le(t.committedAt??t.createdAt),children:S}),r.columns.slice(i,l).map((_,$)=>{const k=u.get(_),C=c?.get(_);let E=ze(k),P="td num",A=0,D;if(c&&!h&&typeof k=="number"&&typeof C=="number"){const V=k-C;r.deltas&&(E=ct(V));const W=e.goals.get(_);if(W&&V!==0){const Y=W==="HIGHER"?V>0:V<0;P+=Y?" better":" worse",A=2,D=`${Y?"better":"worse"} than the baseline (${ct(V)})`}}return n("div",{role:"cell",class:Ee(P,E,-1,A),title:D,"data-column":_,"aria-colindex":ye.length+i+$+1,style:$===0&&i>0?{marginLeft:`${String(i*_e)}px`}:void 0,children:E},_)}),n("div",{role:"cell",class:"td wa actions","aria-colindex":ye.length+r.columns.length+1,style:d>0?{marginLeft:`${String(d*_e)}px`}:void 0,children:e.signedIn&&!e.baseline?n("button",{type:"button",class:"link","aria-label":`${t.hidden?"Unhide":"Hide"} ${a}`,onClick:()=>e.onHide(t,t.hidden),"data-testid":"hide-row",children:t.hidden?"Unhide":"Hide"}):null})]})}const Vt=2500,ys=300;function _s(e,t,r){const s=ve(t),i=(u,c,h,g)=>({key:u,label:c,branch:h,filter:g,rows:[],total:null,cursor:null,hasNext:!0,loading:!1,error:null});if(!r)return[i("all",null,null,s)];const l={...s,kinds:["COMMIT"]};if(s.detached===!0)return[i("detached","Detached runs",null,s)];if(s.branch)return[i("branch:"+s.branch,s.branch,s.branch,l)];if(s.onBranch)return[i("on:"+s.onBranch,`commits on ${s.onBranch}`,null,l)];if(s.tag)return[i("tag:"+s.tag,`tag ${s.tag}`,null,l)];const a=e.branches.filter(u=>!u.folded&&(t.showHidden||!u.hidden)).sort((u,c)=>u.name===e.defaultBranch?-1:c.name===e.defaultBranch?1:u.name<c.name?-1:1).map(u=>i("branch:"+u.name,u.name,u.name,{...l,branch:u.name}));return s.detached!==!1&&a.push(i("detached","Detached runs",null,{...s,detached:!0})),a}async function Ft(e,t){try{const s=(await B(ir,{projectId:e,name:t})).node;return s&&"view"in s?s.view?.goals??[]:[]}catch{return[]}}function bs(e){return typeof e=="object"&&e!==null&&"databaseId"in e&&"values"in e}function ws(e){ke(e.name);const[t,r]=v(null),[s,i]=v(!1),[l,d]=v(null),[a,u]=v(null),[c,h]=v(null),[,g]=v(0),[o,p]=v(new Set),[m,b]=v(null),[S,f]=v(null),[_,$]=v(!1),[k,C]=v(null),[E,P]=v(!1),A=Ae(new Map),D=Ae({branches:new Set,rows:new Set}),V=Ct(async()=>{try{const w=await B(or,{name:e.name,includeHidden:!0});return w.project?(r(w.project),w.project):(i(!0),null)}catch(w){return w instanceof me&&(w.has("UNAUTHENTICATED")||w.has("FORBIDDEN")||w.has("NOT_FOUND"))?i(!0):d(w),null}},[e.name]);F(()=>{V().then(w=>{if(!w)return;const I=Ze(w),R=new URLSearchParams(location.search),H=R.get("view"),L=H?w.views.find(pe=>pe.name===H):void 0,K=Wr(R.get("table"))??L;if(!K){u(I);return}(L?Ft(w.id,L.name):Promise.resolve([])).then(pe=>u({...et(K,w,I,pe),view:L?.name??null}))})},[V]);const W=a?a.groupByBranch&&Nt(a):!1,Y=a&&t?JSON.stringify([t.id,ve(a),xe(a.sort),a.columns,W,t.branches]):null;F(()=>{if(!t||!a||Y===null)return;const w=new ls({projectId:t.id,filter:ve(a),orderBy:xe(a.sort),columns:a.columns,nested:W},_s(t,a,W),()=>g(I=>I+1),D.current);return h(w),()=>w.stop()},[Y]),F(()=>{c&&(c.includeHidden=!!a?.showHidden),c?.changed()},[c,a?.showHidden]),F(()=>{if(!c||!t)return;const w={projectId:t.id,columns:c.query.columns},I=Object.keys(c.query.filter).every(ae=>ae==="includeHidden"),R=c.query.nested||I&&c.query.orderBy===null,H=ae=>{A.current.set(ae,Date.now()+Vt),setTimeout(()=>{const ie=A.current.get(ae);ie!==void 0&&ie<=Date.now()&&(A.current.delete(ae),c.changed())},Vt+50)};let L=null;const K=()=>{L??=setTimeout(()=>{L=null,c.reread()},ys)},oe=lt(fr,w,ae=>{const ie=ae.experimentEvents;if(ie.change==="REMOVED"||!ie.experiment){c.remove(ie.experimentId);return}c.upsert(ie.experiment,R)&&H(ie.experimentId),R||K()}),pe=lt(gr,w,ae=>{const ie=ae.liveMetrics;c.upsert(ie.experiment,R)&&H(ie.experimentId)});return()=>{oe(),pe(),L!==null&&clearTimeout(L)}},[c,t]);const Z=a?.baselineId??null,x=a?[...new Set([...a.columns,...a.conditions.filter(w=>w.vsBaseline).map(w=>w.column)])]:[],q=JSON.stringify(x);F(()=>{if(!Z||!a)return;let w=!1;return B(lr,{id:Z,columns:x}).then(I=>{const R=I.node;if(w||!bs(R))return;const H=R;u(L=>L&&L.baselineId===Z?{...L,baseline:H}:L)}).catch(I=>b(I instanceof Error?I.message:String(I))),()=>{w=!0}},[Z,q]);const y=Ct(w=>{u(I=>I&&{...I,...w,view:"view"in w?w.view??null:I.view})},[]);F(()=>{if(!t||!a)return;const w=t.views.find(K=>K.name===a.view),I=w?et(w,t,a):Ze(t),R=JSON.stringify(Dt(a)),H=new URLSearchParams(location.search);R===JSON.stringify(Dt(I))?H.delete("table"):H.set("table",R);const L=H.toString();He(location.pathname+(L?"?"+L:""),!0)},[t,a]);const T=a?.viewGoals,N=Se(()=>t&&a?Fr(t,a):new Map,[t,T]);if(s)return n(un,{what:`Project “${e.name}”`,signedIn:e.session!==null});if(l)return n(Me,{error:l});if(!t||!a||!c)return n("p",{class:"muted",children:["Loading ",e.name,"…"]});const O=e.session!==null,j=async w=>{const I=t.views.find(L=>L.name===w),R=new URLSearchParams(location.search);if(I){const L=await Ft(t.id,I.name);u(et(I,t,a,L)),R.set("view",I.name)}else u({...Ze(t),view:null}),R.delete("view");const H=R.toString();He(location.pathname+(H?"?"+H:""),!0)},re=async(w,I)=>{try{const R=await B(hr,{input:{projectId:t.id,name:w,shared:I,columns:a.columns,filter:ve(a),order:xe(a.sort),baseline:a.baselineId,goals:Object.entries(a.viewGoals).map(([K,oe])=>({column:K,goal:oe})),includeHidden:a.showHidden}}),H=R.saveView.errors[0];if(H)return`${H.code}: ${H.message}`;const L=R.saveView.view;if(L){const K=[...t.views.filter(pe=>pe.id!==L.id),L];r({...t,views:K}),u({...a,view:L.name});const oe=new URLSearchParams(location.search);oe.set("view",L.name),He(location.pathname+"?"+oe.toString(),!0)}return null}catch(R){return R instanceof Error?R.message:String(R)}},de=async()=>{try{for(const[w,I]of Object.entries(a.viewGoals)){const H=(await B(pr,{input:{projectId:t.id,column:w,goal:I}})).setColumnGoal.errors[0];if(H){b(`${H.code}: ${H.message}`);return}}await V(),b("Goals saved for the project")}catch(w){b(w instanceof Error?w.message:String(w))}},be=async w=>{try{const R=(await B(mr,{input:{id:w.id}})).deleteView.errors[0];return R?`${R.code}: ${R.message}`:(r({...t,views:t.views.filter(H=>H.id!==w.id)}),await j(null),`Deleted “${w.name}”`)}catch(I){return I instanceof Error?I.message:String(I)}},se=async(w,I,R)=>{try{const H={input:{projectId:t.id,ids:w,branches:I},columns:c.query.columns},L=R?(await B(ur,H)).unhideRows:(await B(dr,H)).hideRows,K=L.errors[0];if(K){b(`${K.code}: ${K.message}`);return}for(const oe of L.experiments)c.patch(oe.id,{hidden:oe.hidden,autoHidden:oe.autoHidden});I.length&&await V(),p(new Set),b(`${R?"Shown":"Hidden"}: ${w.length+I.length}`)}catch(H){b(H instanceof Error?H.message:String(H))}},G=[...o].map(w=>c.find(w)).filter(w=>w!==null),z=Nt(a);return n("section",{class:"table-page","aria-labelledby":"table-title",children:[n("div",{class:"title-bar",children:[n("h1",{id:"table-title",children:t.name}),n("span",{class:"muted small",children:[t.visibility.toLowerCase()," · synced ",le(t.lastSyncedAt)," ·"," ",n("span",{class:`badge sync-${t.syncState.toLowerCase()}`,children:t.syncState.toLowerCase()})]}),t.lastSyncError?n("span",{class:"sync-error",children:t.lastSyncError}):null,n("a",{class:"csv",href:Gr(t.databaseId,a),"data-testid":"csv-link",download:!0,children:"Export CSV"})]}),n("div",{class:"toolbar",role:"toolbar","aria-label":"Table",children:[n(Xr,{views:t.views,current:a.view,signedIn:O,pick:w=>{j(w)},save:re,remove:be}),n(zr,{project:t,state:a,update:y}),n(Jr,{project:t,state:a,update:y,saveProjectGoals:O?()=>{de()}:void 0}),n("label",{title:z?"":"A sort by a value or a value filter lists rows flat",children:[n("input",{type:"checkbox",checked:a.groupByBranch&&z,disabled:!z,onChange:w=>y({groupByBranch:w.currentTarget.checked}),"data-testid":"group-toggle"})," ","Group by branch"]}),n("label",{children:[n("input",{type:"checkbox",checked:a.showHidden,onChange:w=>y({showHidden:w.currentTarget.checked}),"data-testid":"show-hidden"})," ","Show hidden"]}),n("button",{type:"button","aria-pressed":_,onClick:()=>$(!_),"data-testid":"trends-toggle",children:"Trends"}),n("button",{type:"button","aria-pressed":E,onClick:()=>P(!E),"data-testid":"pulls-toggle",children:"Pull requests"}),n("label",{children:[n("input",{type:"checkbox",checked:a.deltas,disabled:!a.baseline,onChange:w=>y({deltas:w.currentTarget.checked}),"data-testid":"delta-mode"})," ","Deltas"]})]}),n("div",{class:"selection-bar","aria-live":"polite",children:[n("span",{children:o.size?`${o.size} selected`:"Select rows to hide them or to use one as the baseline."}),o.size?n(ne,{children:[n("button",{type:"button",disabled:!O,onClick:()=>{se([...o],[],!1)},children:"Hide selected"}),n("button",{type:"button",disabled:!O,onClick:()=>{se([...o],[],!0)},children:"Unhide selected"}),n("button",{type:"button",disabled:G.length!==1,onClick:()=>y({baseline:G[0]??null,baselineId:G[0]?.id??null}),"data-testid":"set-baseline",children:"Use as baseline"}),n("button",{type:"button",disabled:!O||G.length!==1,onClick:()=>C(G[0]??null),"data-testid":"run-experiment",children:"Run experiment"}),n("button",{type:"button",disabled:o.size>100,onClick:()=>f([...o]),"data-testid":"compare",children:"Compare"}),n("button",{type:"button",onClick:()=>p(new Set),children:"Clear selection"})]}):null,a.baseline?n("button",{type:"button",onClick:()=>y({baseline:null,baselineId:null,deltas:!1}),children:"Clear baseline"}):null,m?n("span",{class:"muted",role:"status",children:m}):null]}),k?n(Qr,{projectId:t.id,rowId:k.id,label:yn(k),onClose:()=>C(null)}):null,E?n(Yr,{projectId:t.id,onClose:()=>P(!1)}):null,_?n(es,{project:t,onClose:()=>$(!1)}):null,S?n(Nr,{projectId:t.id,ids:S,baselineId:a.baselineId,onClose:()=>f(null)}):null,n(ms,{project:t,model:c,state:a,goals:N,selected:o,flash:A.current,signedIn:O,onSelect:(w,I)=>{const R=new Set(o);I?R.add(w):R.delete(w),p(R)},onSort:w=>{const I=a.sort,R=I?.key!==w?{key:w,direction:"DESC"}:I.direction==="DESC"?{key:w,direction:"ASC"}:null;y({sort:R})},onHide:(w,I)=>{se([w.id],[],I)},onHideBranch:(w,I)=>{se([],[w],I)}})]})}function vs(e){ke(e.model);const[t,r]=v(null),[s,i]=v(""),[l,d]=v(""),[a,u]=v(null),[c,h]=v(!1),[g,o]=v(null),[p,m]=v(null),[b,S]=v(!1),[f,_]=v(""),[$,k]=v(""),[C,E]=v(""),[P,A]=v(""),[D,V]=v("");if(F(()=>{B(zn,{project:e.project,model:e.model}).then(y=>{if(!y.project?.model){h(!0);return}r(y.project.id),i(y.project.repoUrl),d(y.project.defaultBranch??""),u(y.project.model)}).catch(y=>{y instanceof me&&y.has("UNAUTHENTICATED")?h(!0):o(y)})},[e.project,e.model]),c)return n(un,{what:`Model “${e.model}” of “${e.project}”`,signedIn:e.session!==null});if(g)return n(Me,{error:g});if(!a||!t)return n("p",{class:"muted",children:["Loading ",e.model,"…"]});const W=async(y,T)=>{S(!0);try{const N=await y(),O=N.errors[0];O?m(`${O.code}: ${O.message}`):(N.model&&u(N.model),m(`${T}${N.tag?` (tag ${N.tag})`:""}`))}catch(N){m(N instanceof Error?N.message:String(N))}finally{S(!1)}},Y={projectId:t,model:a.name},Z=a.versions.filter(y=>y.registered),x=P||(Z[0]?.version??""),q=e.session!==null;return n("section",{"aria-labelledby":"model-title",children:[n("p",{class:"muted small",children:[n("a",{href:We(e.project),children:e.project})," / models"]}),n("h1",{id:"model-title",children:[a.name," ",a.deprecated?n("span",{class:"chip",children:"deprecated"}):null]}),n("p",{class:"muted",children:[a.type??"model"," · ",a.path??"no path"," ",a.declaredIn?`· declared in ${a.declaredIn}`:""," · latest"," ",a.latestVersion?.version??"none"]}),a.description?n("p",{children:a.description}):null,a.registryError?n("div",{class:"notice error",children:a.registryError.message}):null,p?n("p",{class:"notice",role:"status","data-testid":"model-message",children:p}):null,n("h2",{children:"Stages"}),a.stages.length===0?n("p",{class:"muted",children:"No stage assigned."}):n("ul",{class:"stages","data-testid":"stages",children:a.stages.map(y=>n("li",{"data-stage":y.stage,children:[n("strong",{children:y.stage}),": ",y.versions.map(T=>T.version).join(", ")]},y.stage))}),n("h2",{children:"Versions"}),n("table",{class:"projects","data-testid":"versions",children:[n("thead",{children:n("tr",{children:[n("th",{scope:"col",children:"Version"}),n("th",{scope:"col",children:"Commit"}),n("th",{scope:"col",children:"Stages"}),n("th",{scope:"col",children:"Author"}),n("th",{scope:"col",children:"Created"}),n("th",{scope:"col",children:"State"})]})}),n("tbody",{children:a.versions.map(y=>n("tr",{"data-testid":"version","data-version":y.version,children:[n("th",{scope:"row",children:y.version}),n("td",{children:n("code",{children:y.commit.slice(0,7)})}),n("td",{children:y.stages.join(", ")}),n("td",{children:y.author}),n("td",{children:le(y.createdAt)}),n("td",{children:y.active?"active":y.registered?"deregistered":"unregistered"})]},y.version))})]}),n(Ss,{repo:s,model:a}),q?n("div",{class:"registry-forms",children:[n("form",{onSubmit:y=>{y.preventDefault(),W(async()=>(await B(Jn,{input:{...Y,rev:f.trim()||l,version:$.trim()||null,bump:C||null}})).registerModelVersion,"Registered")},children:n("fieldset",{children:[n("legend",{children:"Register a version"}),n("label",{children:["Commit, branch or tag",n("input",{type:"text",value:f,placeholder:l,onInput:y=>_(y.currentTarget.value),"data-testid":"register-rev"})]}),n("label",{children:["Version",n("input",{type:"text",value:$,placeholder:"v1.2.3 (or bump)",onInput:y=>k(y.currentTarget.value),"data-testid":"register-version"})]}),n("label",{children:["Bump",n("select",{value:C,onChange:y=>E(y.currentTarget.value),children:[n("option",{value:"",children:"default"}),n("option",{value:"PATCH",children:"patch"}),n("option",{value:"MINOR",children:"minor"}),n("option",{value:"MAJOR",children:"major"})]})]}),n("button",{type:"submit",class:"primary",disabled:b,children:"Register"})]})}),n("form",{onSubmit:y=>{y.preventDefault();const T={...Y,version:x,stage:D.trim()};W(async()=>(await B(Xn,{input:T})).assignStage,`Assigned ${T.stage}`)},children:n("fieldset",{children:[n("legend",{children:"Stages"}),n("label",{children:["Version",n("select",{value:x,onChange:y=>A(y.currentTarget.value),"data-testid":"stage-version",children:Z.map(y=>n("option",{value:y.version,children:y.version},y.version))})]}),n("label",{children:["Stage",n("input",{type:"text",value:D,required:!0,onInput:y=>V(y.currentTarget.value),"data-testid":"stage-name"})]}),n("button",{type:"submit",disabled:b||Z.length===0,children:"Assign"}),n("button",{type:"button",disabled:b||Z.length===0||!D.trim(),onClick:()=>{const y={...Y,version:x,stage:D.trim()};W(async()=>(await B(Kn,{input:y})).unassignStage,`Unassigned ${y.stage}`)},children:"Unassign"})]})}),n("button",{type:"button",disabled:b||a.deprecated,onClick:()=>{confirm(`Deprecate ${a.name}? A new registry tag revives it.`)&&W(async()=>(await B(Qn,{input:Y})).deprecateModel,"Deprecated")},children:"Deprecate model"})]}):null,n("h2",{children:"History"}),n("table",{class:"projects","data-testid":"history",children:[n("thead",{children:n("tr",{children:[n("th",{scope:"col",children:"When"}),n("th",{scope:"col",children:"Event"}),n("th",{scope:"col",children:"Version"}),n("th",{scope:"col",children:"Stage"}),n("th",{scope:"col",children:"By"}),n("th",{scope:"col",children:"Tag"})]})}),n("tbody",{children:a.history.map(y=>n("tr",{children:[n("td",{children:le(y.createdAt)}),n("td",{children:y.kind.toLowerCase()}),n("td",{children:y.version??""}),n("td",{children:y.stage??""}),n("td",{children:y.author}),n("td",{children:n("code",{children:y.tag})})]},y.tag+y.kind))})]})]})}function Gt(e){return"version"in e?`version:${e.version}`:"stage"in e?`stage:${e.stage}`:"latest"}function Ss(e){const{model:t}=e,[r,s]=v(new Map);F(()=>s(new Map),[t]);const i=[];t.latestVersion&&i.push({which:{},label:`latest (${t.latestVersion.version})`});for(const d of t.stages)i.push({which:{stage:d.stage},label:`stage ${d.stage} (${d.versions[0]?.version??"?"})`});for(const d of t.versions)d.active&&d.registered&&i.push({which:{version:d.version},label:d.version});const l=d=>{const a=Gt(d),u=c=>s(h=>new Map(h).set(a,c));u({loading:!0,files:null,error:null}),Ln(e.repo,t.name,d).then(c=>u({loading:!1,files:Object.entries(c).sort(([h],[g])=>h<g?-1:1),error:null})).catch(c=>{const h=c instanceof me?c.errors.map(g=>g.code?`${g.code}: ${g.message}`:g.message).join("; "):String(c);u({loading:!1,files:null,error:h})})};return n(ne,{children:[n("h2",{children:"Download"}),n("p",{class:"muted small",children:["The model's files as ",n("code",{children:["dvc artifacts get ",e.repo," ",t.name]})," fetches them (add"," ",n("code",{children:"--rev VERSION"})," or ",n("code",{children:"--stage STAGE"}),"); the links are signed for you and expire after an hour."]}),i.length===0?n("p",{class:"muted",children:"No registered version to download."}):n("ul",{class:"downloads","data-testid":"downloads",children:i.map(({which:d,label:a})=>{const u=Gt(d),c=r.get(u);return n("li",{"data-testid":"download","data-which":u,children:[n("strong",{children:a})," ",n("button",{type:"button",class:"link",disabled:c?.loading===!0,onClick:()=>l(d),"aria-label":`${Wt(c)}: ${t.name} ${a}`,"data-testid":"download-files",children:Wt(c)}),c?.error?n("span",{class:"sync-error",role:"alert","data-testid":"download-error",children:c.error}):null,c?.files?c.files.length===0?n("p",{class:"muted small","data-testid":"download-links",children:"No files."}):n("ul",{"data-testid":"download-links",children:c.files.map(([h,g])=>n("li",{children:n("a",{href:g,download:h.split("/").pop()??h,"data-testid":"download-link","data-path":h,children:h})},h))}):null]},u)})})]})}function Wt(e){return e?.files?"Refresh links":e?.loading?"Reading…":"Get download links"}function ks(e,t){return`${We(e)}/models/${encodeURIComponent(t)}`}function $s(e){ke("Models");const[t,r]=v(null),[s,i]=v(0),[l,d]=v(null),[a,u]=v(""),[c,h]=v(null),g=async(o,p)=>{try{const m=await B(Yn,{after:o,filter:p?{name:p}:null});r(b=>[...o&&b?b:[],...m.models.nodes]),i(m.models.totalCount),d(m.models.pageInfo.hasNextPage?m.models.pageInfo.endCursor:null),h(null)}catch(m){h(m)}};return F(()=>{const o=setTimeout(()=>{g(null,a.trim())},a?250:0);return()=>clearTimeout(o)},[a]),n("section",{"aria-labelledby":"models-title",children:[n("h1",{id:"models-title",children:"Models"}),n("div",{class:"toolbar",children:[n("label",{children:["Find a model",n("input",{type:"search",value:a,onInput:o=>u(o.currentTarget.value),"data-testid":"model-search"})]}),e.session?null:n("span",{class:"muted",children:"Signed out: models of public projects only."})]}),c?n(Me,{error:c}):null,t===null?n("p",{class:"muted",children:"Loading models…"}):t.length===0?n("p",{children:"No models. Declare one in a dvc.yaml (`artifacts:`) or register one with GTO."}):n("table",{class:"projects","data-testid":"models",children:[n("caption",{class:"sr-only",children:[s," models"]}),n("thead",{children:n("tr",{children:[n("th",{scope:"col",children:"Model"}),n("th",{scope:"col",children:"Project"}),n("th",{scope:"col",children:"Latest version"}),n("th",{scope:"col",children:"Stages"}),n("th",{scope:"col",children:"Type"})]})}),n("tbody",{children:t.map(o=>n("tr",{"data-testid":"model","data-model":o.name,children:[n("th",{scope:"row",children:[o.project?n("a",{href:ks(o.project.name,o.name),children:o.name}):o.name,o.deprecated?n("span",{class:"chip",children:" deprecated"}):null,o.description?n("div",{class:"muted small",children:o.description}):null,o.registryError?n("div",{class:"sync-error",children:o.registryError.message}):null]}),n("td",{children:o.project?n("a",{href:We(o.project.name),children:o.project.name}):"—"}),n("td",{children:o.latestVersion?n(ne,{children:[o.latestVersion.version," ",n("span",{class:"muted small",children:le(o.latestVersion.createdAt)})]}):n("span",{class:"muted",children:"unregistered"})}),n("td",{children:o.stages.map(p=>n("span",{class:"chip tag",children:[p.stage,": ",p.versions.map(m=>m.version).join(", ")]},p.stage))}),n("td",{children:o.type??""})]},`${o.project?.id??""}:${o.name}`))})]}),l?n("button",{type:"button",onClick:()=>{g(l,a.trim())},children:"More models"}):null]})}const Is=["READ","PROJECTS","EXPERIMENTS","MODELS","ADMIN"];function Es(e){ke("Access tokens");const[t,r]=v(null),[s,i]=v(null),[l,d]=v(""),[a,u]=v(new Set(["READ","EXPERIMENTS"])),[c,h]=v(null),g=c?.secret??null,[o,p]=v(null),m=async()=>{try{const f=await B(yr,{});r(f.me.tokens)}catch(f){i(f)}};if(F(()=>{e.session&&m()},[e.session]),!e.session)return n("section",{children:[n("h1",{children:"Access tokens"}),n("p",{children:[n("a",{href:je(),children:"Sign in"})," to manage your tokens."]}),n(zt,{})]});const b=async()=>{h(null);try{const f=await B(_r,{input:{name:l.trim(),scopes:[...a]}}),_=f.createAccessToken.errors[0];if(_){p(`${_.code}: ${_.message}`);return}const $=f.createAccessToken;h($.token&&$.accessToken?{id:$.accessToken.id,secret:$.token}:null),p(null),d(""),await m()}catch(f){p(f instanceof Error?f.message:String(f))}},S=async f=>{if(confirm(`Revoke the token “${f.name}”? Scripts using it stop working.`))try{const $=(await B(br,{id:f.id})).revokeAccessToken.errors[0];p($?`${$.code}: ${$.message}`:`Revoked “${f.name}”`),!$&&c?.id===f.id&&h(null),await m()}catch(_){p(_ instanceof Error?_.message:String(_))}};return n("section",{"aria-labelledby":"tokens-title",children:[n("h1",{id:"tokens-title",children:"Access tokens"}),s?n(Me,{error:s}):null,n("form",{class:"token-form",onSubmit:f=>{f.preventDefault(),b()},children:[n("label",{children:["Name",n("input",{type:"text",required:!0,value:l,onInput:f=>d(f.currentTarget.value),"data-testid":"token-name"})]}),n("fieldset",{children:[n("legend",{children:"Scopes"}),Is.map(f=>n("label",{children:[n("input",{type:"checkbox",checked:a.has(f),onChange:_=>{const $=new Set(a);_.currentTarget.checked?$.add(f):$.delete(f),u($)}})," ",f]},f))]}),n("button",{type:"submit",class:"primary",disabled:!l.trim()||a.size===0,children:"Create token"})]}),g?n("div",{class:"notice",role:"status","data-testid":"new-token",children:n("p",{children:["Your new token (shown once): ",n("code",{children:g})]})}):null,o?n("p",{class:"muted",role:"status",children:o}):null,t===null?n("p",{class:"muted",children:"Loading tokens…"}):n("table",{class:"projects","data-testid":"tokens",children:[n("thead",{children:n("tr",{children:[n("th",{scope:"col",children:"Name"}),n("th",{scope:"col",children:"Prefix"}),n("th",{scope:"col",children:"Scopes"}),n("th",{scope:"col",children:"Created"}),n("th",{scope:"col",children:"Last used"}),n("th",{scope:"col",children:n("span",{class:"sr-only",children:"Actions"})})]})}),n("tbody",{children:t.map(f=>n("tr",{"data-testid":"token",children:[n("th",{scope:"row",children:f.name}),n("td",{children:n("code",{children:f.prefix})}),n("td",{children:f.scopes.join(", ")}),n("td",{children:le(f.createdAt)}),n("td",{children:le(f.lastUsedAt)}),n("td",{children:n("button",{type:"button",onClick:()=>{S(f)},"aria-label":`Revoke ${f.name}`,children:"Revoke"})})]},f.id))})]}),n(zt,{})]})}function zt(){const e=location.origin;return n("section",{class:"device-login","aria-labelledby":"device-login-title","data-testid":"device-login",children:[n("h2",{id:"device-login-title",children:["Sign DVC in: ",n("code",{children:"dvc studio login"})]}),n("ol",{children:[n("li",{children:["On your machine run ",n("code",{"data-testid":"device-login-command",children:["dvc studio login --hostname ",e]})," (",n("code",{children:"-s EXPERIMENTS,MODELS,DATASETS"})," to choose the scopes, ",n("code",{children:"-n NAME"})," to name the token)."]}),n("li",{children:["DVC asks this server for a login and prints a code such as ",n("code",{children:"BCDF-GHJK"})," with the approval page's address (it opens it in a browser unless ",n("code",{children:"--no-open"}),")."]}),n("li",{children:["On the ",n("a",{href:"/auth/device-login","data-testid":"device-login-link",children:"approval page"}),", signed in as yourself, approve the code (or deny it): DVC receives a new access token of yours with the scopes it asked for (you must hold them), saves it with this server's address in its global config (",n("code",{children:"studio.token"}),","," ",n("code",{children:"studio.url"}),"), and the token shows in the list above, where you can revoke it."]})]}),n("form",{method:"get",action:"/auth/device-login",class:"token-form",children:[n("label",{children:["Code from DVC",n("input",{type:"text",name:"code",required:!0,maxLength:32,autoComplete:"off",placeholder:"BCDF-GHJK","data-testid":"device-login-code"})]}),n("button",{type:"submit",children:"Open the approval page"})]}),n("p",{class:"muted small",children:["The codes expire after a few minutes; DVC then stops and you run it again. Then ",n("code",{children:"dvc exp push"}),","," ",n("code",{children:"dvc artifacts get"})," and DVCLive's live updates reach this server with that token."]})]})}function Cs(e,t){if(e==="/"||e==="")return n(kr,{session:t});const r=/^\/projects\/([^/]+)\/models\/(.+)$/.exec(e);if(r?.[1]&&r[2]){const[i,l]=[decodeURIComponent(r[1]),decodeURIComponent(r[2])];return n(vs,{project:i,model:l,session:t},e)}const s=/^\/projects\/([^/]+)\/?$/.exec(e);if(s?.[1]){const i=decodeURIComponent(s[1]);return n(ws,{name:i,session:t},i)}return e==="/models"?n($s,{session:t}):e==="/settings/tokens"?n(Es,{session:t}):n(vr,{})}function xs(){const e=Bn(),[t,r]=v({loaded:!1});F(()=>{On().then(d=>r({loaded:!0,session:d})).catch(()=>r({loaded:!0,session:null}))},[]);const s=t.loaded?t.session:null,i=/^\/projects\/[^/]+\/models\//.test(e.path),l=d=>d==="/"?e.path==="/"||e.path.startsWith("/projects/")&&!i?"page":void 0:d==="/models"?e.path==="/models"||i?"page":void 0:e.path.startsWith(d)?"page":void 0;return n(ne,{children:[n("a",{class:"skip",href:"#main",children:"Skip to content"}),n("header",{class:"shell",children:[n("a",{class:"brand",href:"/",children:"gitstudio"}),n("nav",{"aria-label":"Main",children:n("ul",{children:[n("li",{children:n("a",{href:"/","aria-current":l("/"),children:"Projects"})}),n("li",{children:n("a",{href:"/models","aria-current":l("/models"),children:"Models"})}),n("li",{children:n("a",{href:"/settings/tokens","aria-current":l("/settings/tokens"),children:"Tokens"})}),n("li",{children:n("a",{href:"/graphql",children:"GraphiQL"})})]})}),n("div",{class:"who","data-testid":"session",children:t.loaded?s?n(ne,{children:[n("span",{"data-testid":"user",children:s.user}),n("button",{type:"button",onClick:()=>{Hn().then(()=>{location.assign(je("/"))})},children:"Sign out"})]}):n("a",{href:je(),"data-testid":"sign-in",children:"Sign in"}):null})]}),n("main",{id:"main",tabIndex:-1,children:t.loaded?Cs(e.path,s):n("p",{class:"muted",children:"Loading…"})})]})}const rt=document.getElementById("app");rt&&(Vn(rt),En(n(xs,{}),rt));

const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=["assets/embed-ji_c-7H5.js","assets/vega-interpreter-BmnYaw1U.js"])))=>i.map(i=>d[i]);
var Ie,j,St,ee,Qe,$t,xt,Re,ge,de,Et,qe,He,De,Se={},$e=[],qt=/acit|ex(?:s|g|n|p|$)|rph|grid|ows|mnc|ntw|ine[ch]|zoo|^ord|itera/i,Te=Array.isArray;function Z(e,t){for(var n in t)e[n]=t[n];return e}function Fe(e){e&&e.parentNode&&e.parentNode.removeChild(e)}function Ft(e,t,n){var o,s,l,d={};for(l in t)l=="key"?o=t[l]:l=="ref"?s=t[l]:d[l]=t[l];if(arguments.length>2&&(d.children=arguments.length>3?Ie.call(arguments,2):n),typeof e=="function"&&e.defaultProps!=null)for(l in e.defaultProps)d[l]===void 0&&(d[l]=e.defaultProps[l]);return ye(e,d,o,s,null)}function ye(e,t,n,o,s){var l={type:e,props:t,key:n,ref:o,__k:null,__:null,__b:0,__e:null,__c:null,constructor:void 0,__v:s??++St,__i:-1,__u:0};return s==null&&j.vnode!=null&&j.vnode(l),l}function Y(e){return e.children}function ue(e,t){this.props=e,this.context=t}function oe(e,t){if(t==null)return e.__?oe(e.__,e.__i+1):null;for(var n;t<e.__k.length;t++)if((n=e.__k[t])!=null&&n.__e!=null)return n.__e;return typeof e.type=="function"?oe(e):null}function Vt(e){if(e.__P&&e.__d){var t=e.__v,n=t.__e,o=[],s=[],l=Z({},t);l.__v=t.__v+1,j.vnode&&j.vnode(l),Ve(e.__P,l,t,e.__n,e.__P.namespaceURI,32&t.__u?[n]:null,o,n??oe(t),!!(32&t.__u),s),l.__v=t.__v,l.__.__k[l.__i]=l,Rt(o,l,s),t.__e=t.__=null,l.__e!=n&&It(l)}}function It(e){if((e=e.__)!=null&&e.__c!=null)return e.__e=e.__c.base=null,e.__k.some(function(t){if(t!=null&&t.__e!=null)return e.__e=e.__c.base=t.__e}),It(e)}function Ke(e){(!e.__d&&(e.__d=!0)&&ee.push(e)&&!xe.__r++||Qe!=j.debounceRendering)&&((Qe=j.debounceRendering)||$t)(xe)}function xe(){try{for(var e,t=1;ee.length;)ee.length>t&&ee.sort(xt),e=ee.shift(),t=ee.length,Vt(e)}finally{ee.length=xe.__r=0}}function Tt(e,t,n,o,s,l,d,c,h,a,u){var _,i,m,f,v,y,p=o&&o.__k||$e,b=t.length;for(h=Gt(n,t,p,h,b),_=0;_<b;_++)(m=n.__k[_])!=null&&(i=m.__i!=-1&&p[m.__i]||Se,m.__i=_,y=Ve(e,m,i,s,l,d,c,h,a,u),f=m.__e,m.ref&&i.ref!=m.ref&&(i.ref&&Ge(i.ref,null,m),u.push(m.ref,m.__c||f,m)),v==null&&f!=null&&(v=f),4&m.__u?(h=Ct(m,h,e),i.__e&&(i.__e=null)):typeof m.type=="function"&&y!==void 0?h=y:f&&(h=f.nextSibling),m.__u&=-7);return n.__e=v,h}function Gt(e,t,n,o,s){var l,d,c,h,a,u=n.length,_=u,i=0;for(e.__k=new Array(s),l=0;l<s;l++)(d=t[l])!=null&&typeof d!="boolean"&&typeof d!="function"?(typeof d=="string"||typeof d=="number"||typeof d=="bigint"||d.constructor==String?d=e.__k[l]=ye(null,d,null,null,null):Te(d)?d=e.__k[l]=ye(Y,{children:d},null,null,null):d.constructor===void 0&&d.__b>0?d=e.__k[l]=ye(d.type,d.props,d.key,d.ref?d.ref:null,d.__v):e.__k[l]=d,h=l+i,d.__=e,d.__b=e.__b+1,c=null,(a=d.__i=Wt(d,n,h,_))!=-1&&(_--,(c=n[a])&&(c.__u|=2)),c==null||c.__v==null?(a==-1&&(s>u?i--:s<u&&i++),typeof d.type!="function"&&(d.__u|=4)):a!=h&&(a==h-1?i--:a==h+1?i++:(a>h?i--:i++,d.__u|=4))):e.__k[l]=null;if(_)for(l=0;l<u;l++)(c=n[l])!=null&&(2&c.__u)==0&&(c.__e==o&&(o=oe(c)),Nt(c,c));return o}function Ct(e,t,n){var o,s;if(typeof e.type=="function"){for(o=e.__k,s=0;o&&s<o.length;s++)o[s]&&(o[s].__=e,t=Ct(o[s],t,n));return t}e.__e!=t&&(t&&e.type&&!t.parentNode&&(t=oe(e)),t=n.insertBefore(e.__e,t||null));do t=t&&t.nextSibling;while(t!=null&&t.nodeType==8);return t}function Wt(e,t,n,o){var s,l,d,c=e.key,h=e.type,a=t[n],u=a!=null&&(2&a.__u)==0;if(a===null&&c==null||u&&c==a.key&&h==a.type)return n;if(o>(u?1:0)){for(s=n-1,l=n+1;s>=0||l<t.length;)if((a=t[d=s>=0?s--:l++])!=null&&(2&a.__u)==0&&c==a.key&&h==a.type)return d}return-1}function Ye(e,t,n){t[0]=="-"?e.setProperty(t,n??""):e[t]=n==null?"":typeof n!="number"||qt.test(t)?n:n+"px"}function _e(e,t,n,o,s){var l,d;e:if(t=="style")if(typeof n=="string")e.style.cssText=n;else{if(typeof o=="string"&&(e.style.cssText=o=""),o)for(t in o)n&&t in n||Ye(e.style,t,"");if(n)for(t in n)o&&n[t]==o[t]||Ye(e.style,t,n[t])}else if(t[0]=="o"&&t[1]=="n")l=t!=(t=t.replace(Et,"$1")),d=t.toLowerCase(),t=d in e||t=="onFocusOut"||t=="onFocusIn"?d.slice(2):t.slice(2),e.l||(e.l={}),e.l[t+l]=n,n?o?n[de]=o[de]:(n[de]=qe,e.addEventListener(t,l?De:He,l)):e.removeEventListener(t,l?De:He,l);else{if(s=="http://www.w3.org/2000/svg")t=t.replace(/xlink(H|:h)/,"h").replace(/sName$/,"s");else if(t!="width"&&t!="height"&&t!="href"&&t!="list"&&t!="form"&&t!="tabIndex"&&t!="download"&&t!="rowSpan"&&t!="colSpan"&&t!="role"&&t!="popover"&&t in e)try{e[t]=n??"";break e}catch{}typeof n=="function"||(n==null||n===!1&&t[4]!="-"?e.removeAttribute(t):e.setAttribute(t,t=="popover"&&n==1?"":n))}}function Ze(e){return function(t){if(this.l){var n=this.l[t.type+e];if(t[ge]==null)t[ge]=qe++;else if(t[ge]<n[de])return;return n(j.event?j.event(t):t)}}}function Ve(e,t,n,o,s,l,d,c,h,a){var u,_,i,m,f,v,y,p,b,$,O,L,U,Q,z,q,V=t.type;if(t.constructor!==void 0)return null;128&n.__u&&(h=!!(32&n.__u),l=[c=t.__e=n.__e]),(u=j.__b)&&u(t);e:if(typeof V=="function"){_=d.length;try{if(b=t.props,$=V.prototype&&V.prototype.render,O=(u=V.contextType)&&o[u.__c],L=u?O?O.props.value:u.__:o,n.__c?p=(i=t.__c=n.__c).__=i.__E:($?t.__c=i=new V(b,L):(t.__c=i=new ue(b,L),i.constructor=V,i.render=Jt),O&&O.sub(i),i.state||(i.state={}),i.__n=o,m=i.__d=!0,i.__h=[],i._sb=[]),$&&i.__s==null&&(i.__s=i.state),$&&V.getDerivedStateFromProps!=null&&(i.__s==i.state&&(i.__s=Z({},i.__s)),Z(i.__s,V.getDerivedStateFromProps(b,i.__s))),f=i.props,v=i.state,i.__v=t,m)$&&V.getDerivedStateFromProps==null&&i.componentWillMount!=null&&i.componentWillMount(),$&&i.componentDidMount!=null&&i.__h.push(i.componentDidMount);else{if($&&V.getDerivedStateFromProps==null&&b!==f&&i.componentWillReceiveProps!=null&&i.componentWillReceiveProps(b,L),t.__v==n.__v||!i.__e&&i.shouldComponentUpdate!=null&&i.shouldComponentUpdate(b,i.__s,L)===!1){t.__v!=n.__v&&(i.props=b,i.state=i.__s,i.__d=!1),t.__e=n.__e,t.__k=n.__k,t.__k.some(function(K){K&&(K.__=t)}),$e.push.apply(i.__h,i._sb),i._sb=[],i.__h.length&&d.push(i),c=oe(n);break e}i.componentWillUpdate!=null&&i.componentWillUpdate(b,i.__s,L),$&&i.componentDidUpdate!=null&&i.__h.push(function(){i.componentDidUpdate(f,v,y)})}if(i.context=L,i.props=b,i.__P=e,i.__e=!1,U=j.__r,Q=0,$)i.state=i.__s,i.__d=!1,U&&U(t),u=i.render(i.props,i.state,i.context),$e.push.apply(i.__h,i._sb),i._sb=[];else do i.__d=!1,U&&U(t),u=i.render(i.props,i.state,i.context),i.state=i.__s;while(i.__d&&++Q<25);i.state=i.__s,i.getChildContext!=null&&(o=Z(Z({},o),i.getChildContext())),$&&!m&&i.getSnapshotBeforeUpdate!=null&&(y=i.getSnapshotBeforeUpdate(f,v)),z=u!=null&&u.type===Y&&u.key==null?jt(u.props.children):u,c=Tt(e,Te(z)?z:[z],t,n,o,s,l,d,c,h,a),i.base=t.__e,t.__u&=-161,i.__h.length&&d.push(i),p&&(i.__E=i.__=null)}catch(K){if(d.length=_,t.__v=null,h||l!=null){if(K.then){for(t.__u|=h?160:128;c&&c.nodeType==8&&c.nextSibling;)c=c.nextSibling;l!=null&&(l[l.indexOf(c)]=null),t.__e=c}else if(l!=null)for(q=l.length;q--;)Fe(l[q])}else t.__e=n.__e;t.__k==null&&(t.__k=n.__k||[]),K.then||At(t),j.__e(K,t,n)}}else l==null&&t.__v==n.__v?(t.__k=n.__k,t.__e=n.__e):c=t.__e=zt(n.__e,t,n,o,s,l,d,h,a);return(u=j.diffed)&&u(t),128&t.__u?void 0:c}function At(e){e&&(e.__c&&(e.__c.__e=!0),e.__k&&e.__k.some(At))}function Rt(e,t,n){for(var o=0;o<n.length;o++)Ge(n[o],n[++o],n[++o]);j.__c&&j.__c(t,e),e.some(function(s){try{e=s.__h,s.__h=[],e.some(function(l){l.call(s)})}catch(l){j.__e(l,s.__v)}})}function jt(e){return typeof e!="object"||e==null||e.__b>0?e:Te(e)?e.map(jt):e.constructor!==void 0?null:Z({},e)}function zt(e,t,n,o,s,l,d,c,h){var a,u,_,i,m,f,v,y=n.props||Se,p=t.props,b=t.type;if(b=="svg"?s="http://www.w3.org/2000/svg":b=="math"?s="http://www.w3.org/1998/Math/MathML":s||(s="http://www.w3.org/1999/xhtml"),l!=null){for(a=0;a<l.length;a++)if((m=l[a])&&"setAttribute"in m==!!b&&(b?m.localName==b:m.nodeType==3)){e=m,l[a]=null;break}}if(e==null){if(b==null)return document.createTextNode(p);e=document.createElementNS(s,b,p.is&&p),c&&(j.__m&&j.__m(t,l),c=!1),l=null}if(b==null)y===p||c&&e.data==p||(e.data=p);else{if(l=b=="textarea"&&p.defaultValue!=null?null:l&&Ie.call(e.childNodes),!c&&l!=null)for(y={},a=0;a<e.attributes.length;a++)y[(m=e.attributes[a]).name]=m.value;for(a in y)m=y[a],a=="dangerouslySetInnerHTML"?_=m:a=="children"||a in p||a=="value"&&"defaultValue"in p||a=="checked"&&"defaultChecked"in p||_e(e,a,null,m,s);for(a in p)m=p[a],a=="children"?i=m:a=="dangerouslySetInnerHTML"?u=m:a=="value"?f=m:a=="checked"?v=m:c&&typeof m!="function"||y[a]===m||_e(e,a,m,y[a],s);if(u)c||_&&(u.__html==_.__html||u.__html==e.innerHTML)||(e.innerHTML=u.__html),t.__k=[];else if(_&&(e.innerHTML=""),Tt(t.type=="template"?e.content:e,Te(i)?i:[i],t,n,o,b=="foreignObject"?"http://www.w3.org/1999/xhtml":s,l,d,l?l[0]:n.__k&&oe(n,0),c,h),l!=null)for(a=l.length;a--;)Fe(l[a]);c&&b!="textarea"||(a="value",b=="progress"&&f==null?e.removeAttribute("value"):f!=null&&(f!==e[a]||b=="progress"&&!f||b=="option"&&f!=y[a])&&_e(e,a,f,y[a],s),a="checked",v!=null&&v!=e[a]&&_e(e,a,v,y[a],s))}return e}function Ge(e,t,n){try{if(typeof e=="function"){var o=typeof e.__u=="function";o&&e.__u(),o&&t==null||(e.__u=e(t))}else e.current=t}catch(s){j.__e(s,n)}}function Nt(e,t,n){var o,s;if(j.unmount&&j.unmount(e),(o=e.ref)&&(o.current&&o.current!=e.__e||Ge(o,null,t)),(o=e.__c)!=null){if(o.componentWillUnmount)try{o.componentWillUnmount()}catch(l){j.__e(l,t)}o.base=o.__P=o.__n=null}if(o=e.__k)for(s=0;s<o.length;s++)o[s]&&Nt(o[s],t,n||typeof e.type!="function");n||Fe(e.__e),e.__c=e.__=e.__e=void 0}function Jt(e,t,n){return this.constructor(e,n)}function Xt(e,t,n){var o,s,l,d;t==document&&(t=document.documentElement),j.__&&j.__(e,t),s=(o=!1)?null:t.__k,l=[],d=[],Ve(t,e=t.__k=Ft(Y,null,[e]),s||Se,Se,t.namespaceURI,s?null:t.firstChild?Ie.call(t.childNodes):null,l,s?s.__e:t.firstChild,o,d),Rt(l,e,d),e.props.children=null}Ie=$e.slice,j={__e:function(e,t,n,o){for(var s,l,d;t=t.__;)if((s=t.__c)&&!s.__)try{if((l=s.constructor)&&l.getDerivedStateFromError!=null&&(s.setState(l.getDerivedStateFromError(e)),d=s.__d),s.componentDidCatch!=null&&(s.componentDidCatch(e,o||{}),d=s.__d),d)return s.__E=s}catch(c){e=c}throw e}},St=0,ue.prototype.setState=function(e,t){var n;n=this.__s!=null&&this.__s!=this.state?this.__s:this.__s=Z({},this.state),typeof e=="function"&&(e=e(Z({},n),this.props)),e&&Z(n,e),e!=null&&this.__v&&(t&&this._sb.push(t),Ke(this))},ue.prototype.forceUpdate=function(e){this.__v&&(this.__e=!0,e&&this.__h.push(e),Ke(this))},ue.prototype.render=Y,ee=[],$t=typeof Promise=="function"?Promise.prototype.then.bind(Promise.resolve()):setTimeout,xt=function(e,t){return e.__v.__b-t.__v.__b},xe.__r=0,Re=Math.random().toString(8),ge="__d"+Re,de="__a"+Re,Et=/(PointerCapture)$|Capture$/i,qe=0,He=Ze(!1),De=Ze(!0);var Qt=0;function r(e,t,n,o,s,l){t||(t={});var d,c,h=t;if("ref"in h)for(c in h={},t)c=="ref"?d=t[c]:h[c]=t[c];var a={type:e,props:h,key:n,ref:d,__k:null,__:null,__b:0,__e:null,__c:null,constructor:void 0,__v:--Qt,__i:-1,__u:0,__source:s,__self:l};if(typeof e=="function"&&(d=e.defaultProps))for(c in d)h[c]===void 0&&(h[c]=d[c]);return j.vnode&&j.vnode(a),a}var pe,M,je,et,fe=0,Pt=[],H=j,tt=H.__b,nt=H.__r,rt=H.diffed,ot=H.__c,it=H.unmount,st=H.__;function We(e,t){H.__h&&H.__h(M,e,fe||t),fe=0;var n=M.__H||(M.__H={__:[],__h:[]});return e>=n.__.length&&n.__.push({}),n.__[e]}function I(e){return fe=1,Kt(Ht,e)}function Kt(e,t,n){var o=We(pe++,2);if(o.t=e,!o.__c&&(o.__=[Ht(void 0,t),function(c){var h=o.__N?o.__N[0]:o.__[0],a=o.t(h,c);h!==a&&(o.__N=[a,o.__[1]],o.__c.setState({}))}],o.__c=M,!M.__f)){var s=function(c,h,a){if(!o.__c.__H)return!0;var u=!1,_=o.__c.props!==c;if(o.__c.__H.__.some(function(m){if(m.__N){u=!0;var f=m.__[0];m.__=m.__N,m.__N=void 0,f!==m.__[0]&&(_=!0)}}),l){var i=l.call(this,c,h,a);return u?i||_:i}return!u||_};M.__f=!0;var l=M.shouldComponentUpdate,d=M.componentWillUpdate;M.componentWillUpdate=function(c,h,a){if(this.__e){var u=l;l=void 0,s(c,h,a),l=u}d&&d.call(this,c,h,a)},M.shouldComponentUpdate=s}return o.__N||o.__}function F(e,t){var n=We(pe++,3);!H.__s&&Mt(n.__H,t)&&(n.__=e,n.u=t,M.__H.__h.push(n))}function Ee(e){return fe=5,Ce(function(){return{current:e}},[])}function Ce(e,t){var n=We(pe++,7);return Mt(n.__H,t)&&(n.__=e(),n.__H=t,n.__h=e),n.__}function lt(e,t){return fe=8,Ce(function(){return e},t)}function Yt(){for(var e;e=Pt.shift();){var t=e.__H;if(e.__P&&t)try{t.__h.some(we),t.__h.some(Oe),t.__h=[]}catch(n){t.__h=[],H.__e(n,e.__v)}}}H.__b=function(e){M=null,tt&&tt(e)},H.__=function(e,t){e&&t.__k&&t.__k.__m&&(e.__m=t.__k.__m),st&&st(e,t)},H.__r=function(e){nt&&nt(e),pe=0;var t=(M=e.__c).__H;t&&(je===M?(t.__h=[],M.__h=[],t.__.some(function(n){n.__N&&(n.__=n.__N),n.u=n.__N=void 0})):(t.__h.some(we),t.__h.some(Oe),t.__h=[],pe=0)),je=M},H.diffed=function(e){rt&&rt(e);var t=e.__c;t&&t.__H&&(t.__H.__h.length&&(Pt.push(t)!==1&&et===H.requestAnimationFrame||((et=H.requestAnimationFrame)||Zt)(Yt)),t.__H.__.some(function(n){n.u&&(n.__H=n.u,n.u=void 0)})),je=M=null},H.__c=function(e,t){t.some(function(n){try{n.__h.some(we),n.__h=n.__h.filter(function(o){return!o.__||Oe(o)})}catch(o){t.some(function(s){s.__h&&(s.__h=[])}),t=[],H.__e(o,n.__v)}}),ot&&ot(e,t)},H.unmount=function(e){it&&it(e);var t,n=e.__c;n&&n.__H&&(n.__H.__.some(function(o){try{we(o)}catch(s){t=s}}),n.__H=void 0,t&&H.__e(t,n.__v))};var at=typeof requestAnimationFrame=="function";function Zt(e){var t,n=function(){clearTimeout(o),at&&cancelAnimationFrame(t),setTimeout(e)},o=setTimeout(n,35);at&&(t=requestAnimationFrame(n))}function we(e){var t=M,n=e.__c;typeof n=="function"&&(e.__c=void 0,n()),M=t}function Oe(e){var t=M;e.__c=e.__(),M=t}function Mt(e,t){return!e||e.length!==t.length||t.some(function(n,o){return n!==e[o]})}function Ht(e,t){return typeof t=="function"?t(e):t}function W(e){return e===null?"null":Array.isArray(e)?"array":typeof e}function re(e){return W(e)==="object"}function en(e){return Array.isArray(e)&&e.length>0&&e.every(t=>"message"in t)}function ct(e,t){return e.length<124?e:t}const tn="graphql-transport-ws";var J=(e=>(e[e.InternalServerError=4500]="InternalServerError",e[e.InternalClientError=4005]="InternalClientError",e[e.BadRequest=4400]="BadRequest",e[e.BadResponse=4004]="BadResponse",e[e.Unauthorized=4401]="Unauthorized",e[e.Forbidden=4403]="Forbidden",e[e.SubprotocolNotAcceptable=4406]="SubprotocolNotAcceptable",e[e.ConnectionInitialisationTimeout=4408]="ConnectionInitialisationTimeout",e[e.ConnectionAcknowledgementTimeout=4504]="ConnectionAcknowledgementTimeout",e[e.SubscriberAlreadyExists=4409]="SubscriberAlreadyExists",e[e.TooManyInitialisationRequests=4429]="TooManyInitialisationRequests",e))(J||{}),X=(e=>(e.ConnectionInit="connection_init",e.ConnectionAck="connection_ack",e.Ping="ping",e.Pong="pong",e.Subscribe="subscribe",e.Next="next",e.Error="error",e.Complete="complete",e))(X||{});function Dt(e){if(!re(e))throw new Error(`Message is expected to be an object, but got ${W(e)}`);if(!e.type)throw new Error("Message is missing the 'type' property");if(typeof e.type!="string")throw new Error(`Message is expects the 'type' property to be a string, but got ${W(e.type)}`);switch(e.type){case"connection_init":case"connection_ack":case"ping":case"pong":{if(e.payload!=null&&!re(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an object or nullish or missing, but got "${e.payload}"`);break}case"subscribe":{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${W(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);if(!re(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an object, but got ${W(e.payload)}`);if(typeof e.payload.query!="string")throw new Error(`"${e.type}" message payload expects the 'query' property to be a string, but got ${W(e.payload.query)}`);if(e.payload.variables!=null&&!re(e.payload.variables))throw new Error(`"${e.type}" message payload expects the 'variables' property to be a an object or nullish or missing, but got ${W(e.payload.variables)}`);if(e.payload.operationName!=null&&W(e.payload.operationName)!=="string")throw new Error(`"${e.type}" message payload expects the 'operationName' property to be a string or nullish or missing, but got ${W(e.payload.operationName)}`);if(e.payload.extensions!=null&&!re(e.payload.extensions))throw new Error(`"${e.type}" message payload expects the 'extensions' property to be a an object or nullish or missing, but got ${W(e.payload.extensions)}`);break}case"next":{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${W(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);if(!re(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an object, but got ${W(e.payload)}`);break}case"error":{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${W(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);if(!en(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an array of GraphQL errors, but got ${JSON.stringify(e.payload)}`);break}case"complete":{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${W(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);break}default:throw new Error(`Invalid message 'type' property "${e.type}"`)}return e}function nn(e,t){return Dt(typeof e=="string"?JSON.parse(e,t):e)}function ae(e,t){return Dt(e),JSON.stringify(e,t)}function rn(e){const{url:t,connectionParams:n,lazy:o=!0,onNonLazyError:s=console.error,lazyCloseTimeout:l=0,keepAlive:d=0,disablePong:c,connectionAckWaitTimeout:h=0,retryAttempts:a=5,retryWait:u=async function(R){const k=Math.pow(2,R);await new Promise(T=>setTimeout(T,k*1e3+Math.floor(Math.random()*2700+300)))},shouldRetry:_=Ne,on:i,webSocketImpl:m,generateID:f=function(){return"xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx".replace(/[xy]/g,R=>{const k=Math.random()*16|0;return(R=="x"?k:k&3|8).toString(16)})},jsonMessageReplacer:v,jsonMessageReviver:y}=e;let p;if(m){if(!sn(m))throw new Error("Invalid WebSocket implementation provided");p=m}else typeof WebSocket<"u"?p=WebSocket:typeof global<"u"?p=global.WebSocket||global.MozWebSocket:typeof window<"u"&&(p=window.WebSocket||window.MozWebSocket);if(!p)throw new Error("WebSocket implementation missing; on Node you can `import WebSocket from 'ws';` and pass `webSocketImpl: WebSocket` to `createClient`");const b=p,$=(()=>{const E=(()=>{const k={};return{on(T,N){return k[T]=N,()=>{delete k[T]}},emit(T){"id"in T&&k[T.id]?.(T)}}})(),R={connecting:i?.connecting?[i.connecting]:[],opened:i?.opened?[i.opened]:[],connected:i?.connected?[i.connected]:[],ping:i?.ping?[i.ping]:[],pong:i?.pong?[i.pong]:[],message:i?.message?[E.emit,i.message]:[E.emit],closed:i?.closed?[i.closed]:[],error:i?.error?[i.error]:[]};return{onMessage:E.on,on(k,T){const N=R[k];return N.push(T),()=>{const g=N.indexOf(T);g>-1&&N.splice(g,1)}},emit(k,...T){for(const N of[...R[k]])N(...T)}}})();function O(E){const R=[$.on("error",k=>{R.forEach(T=>T()),E(k)}),$.on("closed",k=>{R.forEach(T=>T()),E(k)})];return()=>R.forEach(k=>k())}let L,U=0,Q,z=!1,q=0,V=!1;async function K(){clearTimeout(Q);const[E,R]=await(L??(L=new Promise((N,g)=>(async()=>{if(z){if(await u(q),!U)return L=void 0,g({code:1e3,reason:"All Subscriptions Gone"});q++}$.emit("connecting",z);const w=new b(typeof t=="function"?await t():t,tn);let S,C;function A(){isFinite(d)&&d>0&&(clearTimeout(C),C=setTimeout(()=>{w.readyState===b.OPEN&&(w.send(ae({type:X.Ping})),$.emit("ping",!1,void 0))},d))}O(x=>{L=void 0,clearTimeout(S),clearTimeout(C),g(x),x instanceof dt&&(w.close(4499,"Terminated"),w.onerror=null,w.onclose=null)}),w.onerror=x=>$.emit("error",x),w.onclose=x=>$.emit("closed",x),w.onopen=async()=>{try{$.emit("opened",w);const x=typeof n=="function"?await n():n;if(w.readyState!==b.OPEN)return;w.send(ae(x?{type:X.ConnectionInit,payload:x}:{type:X.ConnectionInit},v)),isFinite(h)&&h>0&&(S=setTimeout(()=>{w.close(J.ConnectionAcknowledgementTimeout,"Connection acknowledgement timeout")},h)),A()}catch(x){$.emit("error",x),w.close(J.InternalClientError,ct(x instanceof Error?x.message:String(x),"Internal client error"))}};let P=!1;w.onmessage=({data:x})=>{try{const B=nn(x,y);if($.emit("message",B),B.type==="ping"||B.type==="pong"){$.emit(B.type,!0,B.payload),B.type==="pong"?A():c||(w.send(ae(B.payload?{type:X.Pong,payload:B.payload}:{type:X.Pong},v)),$.emit("pong",!1,B.payload));return}if(P)return;if(B.type!==X.ConnectionAck)throw new Error(`First message cannot be of type ${B.type}`);clearTimeout(S),P=!0,$.emit("connected",w,B.payload,z),z=!1,q=0;const Xe=new Promise((kr,Ut)=>O(Ut));Xe.catch(()=>{}),N([w,Xe])}catch(B){w.onmessage=null,$.emit("error",B),w.close(J.BadResponse,ct(B instanceof Error?B.message:String(B),"Bad response"))}}})())));E.readyState===b.CLOSING&&await R;let k=()=>{};const T=new Promise(N=>k=N);return[E,k,new Promise((N,g)=>{const w=O(g);E.readyState!==b.OPEN&&R.catch(g),T.then(()=>{if(w(),!U){const S=()=>E.close(1e3,"Normal Closure");isFinite(l)&&l>0?(clearTimeout(Q),Q=setTimeout(()=>{!U&&E.readyState===b.OPEN&&S()},l)):S()}N()})})]}function ne(E){if(Ne(E)&&(on(E.code)||[J.InternalServerError,J.InternalClientError,J.BadRequest,J.BadResponse,J.Unauthorized,J.SubprotocolNotAcceptable,J.SubscriberAlreadyExists,J.TooManyInitialisationRequests].includes(E.code)))throw E;if(V)return!1;if(Ne(E)&&E.code===1e3)return U>0;if(!a||q>=a||!_(E))throw E;return z=!0}o||(async()=>{for(U++;;)try{const[,,E]=await K();await E}catch(E){try{if(!ne(E))return}catch(R){return s?.(R)}}})();function le(E,R){const k=f(E);let T=!1,N=!1,g=()=>{U--,T=!0};return(async()=>{for(U++;;)try{const[w,S,C]=await K();if(T)return C.catch(()=>{}),S();const A=$.onMessage(k,P=>{switch(P.type){case X.Next:{R.next(P.payload);return}case X.Error:{N=!0,T=!0,R.error(P.payload),g();return}case X.Complete:{T=!0,g();return}}});w.send(ae({id:k,type:X.Subscribe,payload:E},v)),g=()=>{!T&&w.readyState===b.OPEN&&w.send(ae({id:k,type:X.Complete},v)),U--,T=!0,S()},await C.finally(A);return}catch(w){if(!ne(w))return}})().then(()=>{N||R.complete()}).catch(w=>{R.error(w)}),()=>{T||g()}}return{on:$.on,subscribe:le,iterate(E){const R=[],k={done:!1,error:null,resolve:()=>{}},T=le(E,{next(g){R.push(g),k.resolve()},error(g){k.done=!0,k.error=g,k.resolve()},complete(){k.done=!0,k.resolve()}}),N=(async function*(){for(;;){for(R.length||await new Promise(w=>k.resolve=w);R.length;)yield R.shift();if(k.error)throw k.error;if(k.done)return}})();return N.throw=async g=>(k.done||(k.done=!0,k.error=g,k.resolve()),{done:!0,value:void 0}),N.return=async()=>(T(),{done:!0,value:void 0}),N},async dispose(){if(V=!0,L){const[E]=await L;E.close(1e3,"Normal Closure")}},terminate(){L&&$.emit("closed",new dt)}}}class dt extends Error{name="TerminatedCloseEvent";message="4499: Terminated";code=4499;reason="Terminated";wasClean=!1}function Ne(e){return re(e)&&"code"in e&&"reason"in e}function on(e){return[1e3,1001,1006,1005,1012,1013,1014].includes(e)?!1:e>=1e3&&e<=1999}function sn(e){return typeof e=="function"&&"constructor"in e&&"CLOSED"in e&&"CLOSING"in e&&"CONNECTING"in e&&"OPEN"in e}let te=null;async function ln(){const e=await fetch("/api/session",{headers:{Accept:"application/json"}});if(!e.ok)return te=null,null;const t=await e.json();return te={user:t.user,admin:t.admin,csrfToken:t.csrf_token},te}async function an(){const e={Accept:"application/json"};te&&(e["X-CSRF-Token"]=te.csrfToken),await fetch("/logout",{method:"POST",headers:e}),te=null}function me(e=location.pathname+location.search){return"/login?next="+encodeURIComponent(e)}class be extends Error{errors;constructor(t){super(t.map(n=>n.message).join("; ")||"request failed"),this.errors=t}has(t){return this.errors.some(n=>n.code===t)}}async function G(e,t,n){const o={"Content-Type":"application/json",Accept:"application/json"};te&&(o["X-CSRF-Token"]=te.csrfToken);const s={method:"POST",headers:o,body:JSON.stringify({query:e.toString(),variables:t}),credentials:"same-origin"},l=await fetch("/graphql",s);let d;try{d=await l.json()}catch{throw new be([{message:`HTTP ${l.status}`,code:l.status===401?"UNAUTHENTICATED":null}])}if(d.errors?.length)throw new be(d.errors.map(c=>({message:c.message,code:c.extensions?.code??null})));if(d.data==null)throw new be([{message:`HTTP ${l.status}`,code:null}]);return d.data}let Pe=null;function cn(){if(!Pe){const e=location.protocol==="https:"?"wss:":"ws:";Pe=rn({url:`${e}//${location.host}/graphql`,lazy:!0,retryAttempts:1/0,shouldRetry:()=>!0,retryWait:async t=>{await new Promise(n=>setTimeout(n,Math.min(1e3*2**t,15e3)))}})}return Pe}function ut(e,t,n,o){return cn().subscribe({query:e.toString(),variables:t},{next:s=>{s.data&&n(s.data)},error:s=>o?.(s),complete:()=>{}})}const Le=new Set;function Ot(){for(const e of Le)e()}window.addEventListener("popstate",Ot);function Be(e,t=!1){e!==location.pathname+location.search&&(t?history.replaceState(null,"",e):history.pushState(null,"",e),Ot())}function dn(){const[,e]=I(0);return F(()=>{const t=()=>e(n=>n+1);return Le.add(t),()=>{Le.delete(t)}},[]),{path:location.pathname,query:new URLSearchParams(location.search)}}const un=["/graphql","/login","/logout","/api/"];function hn(e){e.addEventListener("click",t=>{if(t.defaultPrevented||t.button!==0||t.metaKey||t.ctrlKey||t.shiftKey||t.altKey)return;const o=t.target?.closest("a");if(!o||o.target||o.hasAttribute("download"))return;const s=new URL(o.href,location.href);s.origin===location.origin&&(un.some(l=>s.pathname===l||s.pathname.startsWith(l))||(t.preventDefault(),Be(s.pathname+s.search)))})}function ze(e){return"/projects/"+encodeURIComponent(e)}function ie(e){if(!e)return"—";const t=new Date(e);return Number.isNaN(t.getTime())?e:t.toISOString().slice(0,16).replace("T"," ")+" UTC"}function ht(e,t=Date.now()){if(!e)return"never";const n=Math.round((t-new Date(e).getTime())/1e3);return n<60?`${Math.max(n,0)} s ago`:n<3600?`${Math.round(n/60)} min ago`:n<86400?`${Math.round(n/3600)} h ago`:`${Math.round(n/86400)} d ago`}function Je(e){if(e==null)return"";if(typeof e=="number"){if(Number.isInteger(e))return String(e);const t=Math.abs(e);return t!==0&&(t<.001||t>=1e6)?e.toExponential(3):String(Number(e.toPrecision(5)))}return typeof e=="string"?e:typeof e=="boolean"?e?"true":"false":JSON.stringify(e)}function Ue(e){const t=Je(e);return e>0?"+"+t:t}function pn(e){return e.split(":").slice(2).join(":")||e}class D extends String{__apiType;value;__meta__;constructor(t,n){super(t),this.value=t,this.__meta__=n}toString(){return this.value}}new D(`
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
    `,{fragmentName:"RowFields"});new D(`
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
    `,{fragmentName:"ViewFields"});const fn=new D(`
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
    `),mn=new D(`
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
    `),_n=new D(`
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
    `),gn=new D(`
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
}`),yn=new D(`
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
    `),wn=new D(`
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
}`),bn=new D(`
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
}`),vn=new D(`
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
}`),kn=new D(`
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
    `),Sn=new D(`
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
    `),$n=new D(`
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
}`),xn=new D(`
    mutation DeleteView($input: DeleteViewInput!) {
  deleteView(input: $input) {
    deletedId
    errors {
      code
      message
    }
  }
}
    `);new D(`
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
    `);const En=new D(`
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
}`),In=new D(`
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
}`),Tn=new D(`
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
    `),Cn=new D(`
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
    `),An=new D(`
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
    `);function se(e){F(()=>{document.title=e?`${e} · gitstudio`:"gitstudio"},[e])}function Rn(){return se("Not found"),r("section",{children:[r("h1",{children:"Not found"}),r("p",{children:["No page here. ",r("a",{href:"/",children:"All projects"})]})]})}function jn(e){return se(e.title),r("section",{children:[r("h1",{children:e.title}),r("p",{children:[e.what," is not built into the dashboard yet; the ",r("a",{href:"/graphql",children:"GraphQL API"})," has it."]})]})}function Nn(e){return r("div",{class:"notice",role:"alert","data-testid":"sign-in-needed",children:e.signedIn?r("p",{children:[e.what," does not exist or you may not read it."]}):r("p",{children:[e.what," is not public. ",r("a",{href:me(),children:"Sign in"})," to see it."]})})}function Ae(e){const t=e.error instanceof Error?e.error.message:String(e.error);return r("div",{class:"notice error",role:"alert",children:r("p",{children:t})})}const Pn=15e3;function Mn(e){se("Projects");const[t,n]=I(null),[o,s]=I(0),[l,d]=I(null),[c,h]=I(null);return F(()=>{let a=!1;const u=async()=>{try{const i=[];let m=null,f=0,v=!1;for(let y=0;y<20;y++){const p=await G(_n,{after:m});if(i.push(...p.projects.nodes),f=p.projects.totalCount,v=p.projects.pageInfo.hasNextPage,m=p.projects.pageInfo.endCursor,!v)break}if(a)return;n(i),s(f),d(v?m:null),h(null)}catch(i){a||h(i)}};u();const _=setInterval(()=>{u()},Pn);return()=>{a=!0,clearInterval(_)}},[]),r("section",{"aria-labelledby":"projects-title",children:[r("h1",{id:"projects-title",children:"Projects"}),c?r(Ae,{error:c}):null,e.session?null:r("p",{class:"muted",children:["Signed out: only public projects are listed. ",r("a",{href:me("/"),children:"Sign in"})," to see yours."]}),t===null?r("p",{class:"muted",children:"Loading projects…"}):t.length===0?r("p",{children:"No projects yet. Add one with the createProject mutation or `gitstudio project add`."}):r(Y,{children:[r("table",{class:"projects","data-testid":"projects",children:[r("caption",{class:"sr-only",children:[o," projects"]}),r("thead",{children:r("tr",{children:[r("th",{scope:"col",children:"Project"}),r("th",{scope:"col",children:"Last sync"}),r("th",{scope:"col",children:"State"}),r("th",{scope:"col",class:"num",children:"Commits"}),r("th",{scope:"col",class:"num",children:"Rows"}),r("th",{scope:"col",children:"Running live experiments"})]})}),r("tbody",{children:t.map(a=>r("tr",{"data-testid":"project","data-project":a.name,children:[r("th",{scope:"row",children:[r("a",{href:ze(a.name),children:a.name}),r("div",{class:"muted small",title:a.repoUrl,children:[a.visibility.toLowerCase()," · ",a.defaultBranch??"no default branch"]})]}),r("td",{title:ie(a.lastSyncedAt),children:ht(a.lastSyncedAt)}),r("td",{children:[r("span",{class:`badge sync-${a.syncState.toLowerCase()}`,children:a.syncState.toLowerCase()}),a.lastSyncError?r("div",{class:"sync-error","data-testid":"sync-error",children:a.lastSyncError}):null]}),r("td",{class:"num",children:a.commits.totalCount}),r("td",{class:"num","data-testid":"row-count",children:a.rows.totalCount}),r("td",{"data-testid":"running",children:a.running.totalCount===0?r("span",{class:"muted",children:"none"}):r("ul",{class:"running",children:[a.running.nodes.map(u=>r("li",{children:[r("span",{class:"live-dot","aria-hidden":"true"}),u.name??u.id," · step ",u.lastStep??0," · ",ht(u.lastEventAt)]},u.id)),a.running.totalCount>a.running.nodes.length?r("li",{class:"muted",children:["and ",a.running.totalCount-a.running.nodes.length," more"]}):null]})})]},a.id))})]}),l?r("p",{class:"muted",children:["Showing the first ",t.length," of ",o," projects."]}):null]})]})}const Hn=(function(){const t=typeof document<"u"&&document.createElement("link").relList;return t&&t.supports&&t.supports("modulepreload")?"modulepreload":"preload"})(),Dn=function(e){return"/"+e},pt={},ft=function(t,n,o){let s=Promise.resolve();if(n&&n.length>0){let a=function(u){return Promise.all(u.map(_=>Promise.resolve(_).then(i=>({status:"fulfilled",value:i}),i=>({status:"rejected",reason:i}))))};var d=a;document.getElementsByTagName("link");const c=document.querySelector("meta[property=csp-nonce]"),h=c?.nonce||c?.getAttribute("nonce");s=a(n.map(u=>{if(u=Dn(u),u in pt)return;pt[u]=!0;const _=u.endsWith(".css"),i=_?'[rel="stylesheet"]':"";if(document.querySelector(`link[href="${u}"]${i}`))return;const m=document.createElement("link");if(m.rel=_?"stylesheet":Hn,_||(m.as="script"),m.crossOrigin="",m.href=u,h&&m.setAttribute("nonce",h),document.head.appendChild(m),_)return new Promise((f,v)=>{m.addEventListener("load",f),m.addEventListener("error",()=>v(new Error(`Unable to preload CSS for ${u}`)))})}))}function l(c){const h=new Event("vite:preloadError",{cancelable:!0});if(h.payload=c,window.dispatchEvent(h),!h.defaultPrevented)throw c}return s.then(c=>{for(const h of c||[])h.status==="rejected"&&l(h.reason);return t().catch(l)})};async function On(e,t){const[{default:n},{expressionInterpreter:o}]=await Promise.all([ft(()=>import("./embed-ji_c-7H5.js"),__vite__mapDeps([0,1])),ft(()=>import("./vega-interpreter-BmnYaw1U.js").then(l=>l.v),[])]),s=await n(e,t,{ast:!0,expr:o,actions:!1,defaultStyle:!1,renderer:"canvas",tooltip:{disableDefaultStyle:!0}});return{finalize:()=>s.finalize()}}function Ln(e){const[t,n]=I(null),[o,s]=I(null),[l,d]=I(!0),c=e.ids.join(",");F(()=>{let u=!1;return n(null),G(fn,{projectId:e.projectId,ids:e.ids,baseline:e.baselineId}).then(_=>{const i=_.node;!u&&i&&"compare"in i&&n(i.compare)}).catch(_=>{u||s(_ instanceof Error?_.message:String(_))}),()=>{u=!0}},[e.projectId,c,e.baselineId]);const h=new Set(t?.differing??[]),a=t?t.rows.filter(u=>!l||h.has(u.column)):[];return r("section",{class:"compare","aria-labelledby":"compare-title","data-testid":"compare-panel",children:[r("div",{class:"compare-head",children:[r("h2",{id:"compare-title",children:["Compare ",e.ids.length," rows"]}),r("label",{children:[r("input",{type:"checkbox",checked:l,onChange:u=>d(u.currentTarget.checked)})," only columns that differ"]}),r("button",{type:"button",onClick:e.onClose,children:"Close compare"})]}),o?r("p",{class:"sync-error",children:o}):null,!t&&!o?r("p",{class:"muted",children:"Loading…"}):null,t?r(Y,{children:[r("div",{class:"compare-table-wrap",children:r("table",{class:"compare-table",children:[r("thead",{children:r("tr",{children:[r("th",{scope:"col",children:"Column"}),t.experiments.map(u=>r("th",{scope:"col",children:u.name??u.sha?.slice(0,7)??u.id},u.id))]})}),r("tbody",{children:a.map(u=>r("tr",{children:[r("th",{scope:"row",title:u.column,children:u.column}),u.values.map((_,i)=>{const m=u.deltas[i],f=u.better[i];return r("td",{class:`num ${f===!0?"better":f===!1?"worse":""}`,children:[Je(_),m!=null&&m!==0?r("span",{class:"delta",children:[" (",Ue(m),")"]}):null]},i)})]},u.column))})]})}),r("div",{class:"plots","data-testid":"plots",children:[t.plots.map(u=>r(Bn,{plot:u},u.id)),t.plots.length===0?r("p",{class:"muted",children:"These rows have no plots."}):null]}),t.plotErrors.length?r("ul",{class:"plot-errors",children:t.plotErrors.map((u,_)=>r("li",{class:"sync-error",children:[u.revision,": ",u.plot??"all plots",": ",u.message]},_))}):null]}):null]})}function Bn(e){const{plot:t}=e;return t.kind==="IMAGE"?r("figure",{class:"plot","data-testid":"plot","data-plot":t.id,children:[r("figcaption",{children:t.id}),r("div",{class:"images",children:t.images.map(n=>r("img",{src:n.url,alt:`${t.id} of ${n.revision}${n.step!==null?` at step ${n.step}`:""}`,loading:"lazy"},n.url))})]}):r("figure",{class:"plot","data-testid":"plot","data-plot":t.id,children:[r("figcaption",{children:t.id}),r(Un,{spec:t.spec})]})}function Un(e){const t=Ee(null),[n,o]=I("loading");return F(()=>{const s=t.current;if(!s||e.spec==null)return;let l=null,d=!1;return On(s,e.spec).then(c=>{d?c.finalize():(l=c,o("ready"))}).catch(c=>o(c instanceof Error?c.message:String(c))),()=>{d=!0,l?.finalize()}},[e.spec]),r("div",{class:"chart-wrap","data-state":n==="loading"||n==="ready"?n:"error",children:[r("div",{ref:t,class:"chart","data-testid":"chart"}),n!=="loading"&&n!=="ready"?r("p",{class:"sync-error",children:n}):null]})}const qn=[{op:"EQ",label:"="},{op:"NE",label:"≠"},{op:"GT",label:">"},{op:"GTE",label:"≥"},{op:"LT",label:"<"},{op:"LTE",label:"≤"},{op:"CONTAINS",label:"contains"},{op:"EXISTS",label:"exists"}],Fn=[{field:"BRANCH",label:"Branch"},{field:"AUTHOR",label:"Author"},{field:"MESSAGE",label:"Message"},{field:"COMMITTED_AT",label:"Created"}],Vn={branch:"",onBranch:"",tag:"",detached:"",author:"",message:""};function Lt(e){const t=e.filter(o=>o.kind==="METRIC").map(o=>o.id),n=e.filter(o=>o.kind==="PARAM").map(o=>o.id);return t.length+n.length<=40?[...t,...n]:[...t.slice(0,20),...n.slice(0,20)]}function mt(e){return{columns:Lt(e.columns),sort:null,git:{...Vn},conditions:[],showHidden:!1,groupByBranch:!0,baselineId:null,baseline:null,deltas:!1,viewGoals:{},view:null}}function he(e){const t={},n=e.git;n.branch&&(t.branch=n.branch),n.onBranch&&(t.onBranch=n.onBranch),n.tag&&(t.tag=n.tag),n.detached&&(t.detached=n.detached==="only"),n.author.trim()&&(t.author=n.author.trim()),n.message.trim()&&(t.message=n.message.trim());const o=e.conditions.filter(s=>s.column);return o.length&&(t.columns=o),e.showHidden&&(t.includeHidden=!0),t}function ve(e){return e?e.key.startsWith("field:")?[{field:e.key.slice(6),direction:e.direction}]:[{column:e.key,direction:e.direction}]:null}function _t(e){return(e.sort===null||e.sort.key==="field:COMMITTED_AT")&&e.conditions.length===0&&!e.git.author.trim()&&!e.git.message.trim()}function ce(e){return typeof e=="string"?e:""}function gt(e,t,n,o=[]){const s=new Set(t.columns.map(i=>i.id)),l=e.filter??{},c=(Array.isArray(e.order)?e.order:[])[0];let h=null;if(c){const i=c.direction==="ASC"?"ASC":"DESC";typeof c.column=="string"&&c.column?h={key:c.column,direction:i}:typeof c.field=="string"&&c.field&&(h={key:"field:"+c.field,direction:i})}const a=l.detached===!0?"only":l.detached===!1?"none":"",u={};for(const i of o)i.goal&&(u[i.column]=i.goal);const _=e.columns.filter(i=>s.has(i));return{...n,columns:_.length?_:Lt(t.columns),sort:h,git:{branch:ce(l.branch),onBranch:ce(l.onBranch),tag:ce(l.tag),detached:a,author:ce(l.author),message:ce(l.message)},conditions:Array.isArray(l.columns)?l.columns:[],showHidden:e.includeHidden,baselineId:e.baseline?.id??null,baseline:null,deltas:n.deltas&&e.baseline!==null,viewGoals:u,view:e.name}}function Gn(e,t){const n=new Map;for(const o of e.columnGoals)o.goal&&n.set(o.column,o.goal);for(const[o,s]of Object.entries(t.viewGoals))n.set(o,s);return n}function Wn(e){const t=e.trim();if(t==="")return null;try{return JSON.parse(t)}catch{return t}}function zn(e,t){const n=new URLSearchParams;n.set("filter",JSON.stringify(he(t)));const o=ve(t.sort);o&&n.set("orderBy",JSON.stringify(o));for(const s of t.columns)n.append("columns",s);return`/api/projects/${e}/experiments.csv?${n.toString()}`}function Jn(e){const{project:t,state:n,update:o}=e,s=a=>o({git:{...n.git,...a}}),l=t.branches.filter(a=>n.showHidden||!a.hidden),d=n.conditions,c=(a,u)=>o({conditions:d.map((_,i)=>i===a?{..._,...u}:_)}),h=d.length+Object.values(n.git).filter(a=>a!=="").length;return r("details",{class:"panel","data-testid":"filters",children:[r("summary",{children:["Filters",h?` (${h})`:""]}),r("div",{class:"panel-body",children:[r("fieldset",{children:[r("legend",{children:"Git"}),r("label",{children:["Branch",r("select",{value:n.git.branch,onChange:a=>s({branch:a.currentTarget.value}),"data-testid":"filter-branch",children:[r("option",{value:"",children:"any"}),l.map(a=>r("option",{value:a.name,children:a.name},a.name))]})]}),r("label",{children:["Commits on branch",r("select",{value:n.git.onBranch,onChange:a=>s({onBranch:a.currentTarget.value}),children:[r("option",{value:"",children:"any"}),l.map(a=>r("option",{value:a.name,children:a.name},a.name))]})]}),r("label",{children:["Tag",r("select",{value:n.git.tag,onChange:a=>s({tag:a.currentTarget.value}),children:[r("option",{value:"",children:"any"}),t.tags.map(a=>r("option",{value:a.name,children:a.name},a.name))]})]}),r("label",{children:["Detached",r("select",{value:n.git.detached,onChange:a=>s({detached:a.currentTarget.value}),children:[r("option",{value:"",children:"shown"}),r("option",{value:"only",children:"only"}),r("option",{value:"none",children:"left out"})]})]}),r("label",{children:["Author",r("input",{type:"search",value:n.git.author,onChange:a=>s({author:a.currentTarget.value})})]}),r("label",{children:["Message",r("input",{type:"search",value:n.git.message,onChange:a=>s({message:a.currentTarget.value})})]})]}),r("fieldset",{children:[r("legend",{children:"Values"}),d.map((a,u)=>r("div",{class:"condition","data-testid":"condition",children:[r("label",{children:[r("span",{class:"sr-only",children:["Column of condition ",u+1]}),r("select",{value:a.column,onChange:_=>c(u,{column:_.currentTarget.value}),children:t.columns.map(_=>r("option",{value:_.id,children:_.id},_.id))})]}),r("label",{children:[r("span",{class:"sr-only",children:["Operator of condition ",u+1]}),r("select",{value:a.op,onChange:_=>c(u,{op:_.currentTarget.value}),children:qn.map(_=>r("option",{value:_.op,children:_.label},_.op))})]}),a.op!=="EXISTS"?r("label",{children:[r("span",{class:"sr-only",children:["Value of condition ",u+1]}),r("input",{type:"text",value:a.value===null||a.value===void 0?"":typeof a.value=="string"?a.value:JSON.stringify(a.value),onChange:_=>c(u,{value:Wn(_.currentTarget.value)})})]}):null,r("button",{type:"button","aria-label":`Remove condition ${u+1}`,onClick:()=>o({conditions:d.filter((_,i)=>i!==u)}),children:"✕"})]},u)),r("button",{type:"button",disabled:t.columns.length===0,onClick:()=>{const a=t.columns.find(u=>u.kind==="METRIC")??t.columns[0];a&&o({conditions:[...d,{column:a.id,op:"GT",value:null}]})},children:"Add condition"})]}),h?r("button",{type:"button",onClick:()=>o({conditions:[],git:{branch:"",onBranch:"",tag:"",detached:"",author:"",message:""}}),children:"Clear filters"}):null]})]})}function Xn(e){const{project:t,state:n,update:o}=e,[s,l]=I(""),d=new Set(n.columns),c=new Map(t.columnGoals.map(f=>[f.column,f.goal])),h=(f,v)=>{const y=[...n.columns],p=y.indexOf(f),b=p+v;p<0||b<0||b>=y.length||([y[p],y[b]]=[y[b],y[p]],o({columns:y}))},a=(f,v)=>o({columns:v?[...n.columns,f]:n.columns.filter(y=>y!==f)}),u=(f,v)=>{const y={};for(const[p,b]of Object.entries(n.viewGoals))p!==f&&(y[p]=b);(v==="HIGHER"||v==="LOWER")&&(y[f]=v),o({viewGoals:y})},_=s.trim().toLowerCase(),i=new Map(t.columns.map(f=>[f.id,f])),m=[...n.columns.map(f=>i.get(f)).filter(f=>f!==void 0),...t.columns.filter(f=>!d.has(f.id))].filter(f=>!_||f.id.toLowerCase().includes(_));return r("details",{class:"panel","data-testid":"columns-chooser",children:[r("summary",{children:["Columns (",n.columns.length,"/",t.columns.length,")"]}),r("div",{class:"panel-body columns-body",children:[r("div",{class:"row-controls",children:[r("label",{children:["Find",r("input",{type:"search",value:s,onInput:f=>l(f.currentTarget.value)})]}),r("button",{type:"button",onClick:()=>o({columns:t.columns.map(f=>f.id)}),children:"Show all"}),r("button",{type:"button",onClick:()=>o({columns:[]}),children:"Hide all"})]}),r("ul",{class:"columns-list",children:m.map(f=>{const v=d.has(f.id),y=n.viewGoals[f.id]??"";return r("li",{"data-testid":"column-option","data-column":f.id,children:[r("label",{class:"grow",children:[r("input",{type:"checkbox",checked:v,onChange:p=>a(f.id,p.currentTarget.checked)}),r("span",{class:`kind kind-${f.kind.toLowerCase()}`,children:f.kind==="METRIC"?"M":"P"})," ",f.id]}),r("label",{children:[r("span",{class:"sr-only",children:["Goal of ",f.id]}),r("select",{value:y,onChange:p=>u(f.id,p.currentTarget.value),children:[r("option",{value:"",children:c.get(f.id)?`project: ${(c.get(f.id)??"").toLowerCase()}`:"no goal"}),r("option",{value:"HIGHER",children:"higher is better"}),r("option",{value:"LOWER",children:"lower is better"})]})]}),r("button",{type:"button",disabled:!v,"aria-label":`Move ${f.id} left`,onClick:()=>h(f.id,-1),children:"↑"}),r("button",{type:"button",disabled:!v,"aria-label":`Move ${f.id} right`,onClick:()=>h(f.id,1),children:"↓"})]},f.id)})})]})]})}function Qn(e){const[t,n]=I(""),[o,s]=I(!1),[l,d]=I(null),c=e.views.find(h=>h.name===e.current)??null;return r("div",{class:"views","data-testid":"views",children:[r("label",{children:["View",r("select",{value:e.current??"","data-testid":"view-select",onChange:h=>e.pick(h.currentTarget.value||null),children:[r("option",{value:"",children:"(none)"}),e.views.map(h=>r("option",{value:h.name,children:[h.name,h.shared?" (shared)":""]},h.id))]})]}),c?r("button",{type:"button",onClick:()=>{e.remove(c).then(d)},children:"Delete view"}):null,e.signedIn?r("form",{class:"save-view",onSubmit:h=>{h.preventDefault();const a=t.trim()||e.current||"";if(!a){d("Name the view");return}e.save(a,o).then(u=>{d(u??`Saved “${a}”`),u||n("")})},children:[r("label",{children:["Save as",r("input",{type:"text",value:t,placeholder:e.current??"view name",onInput:h=>n(h.currentTarget.value),"data-testid":"view-name"})]}),r("label",{children:[r("input",{type:"checkbox",checked:o,onChange:h=>s(h.currentTarget.checked)})," shared"]}),r("button",{type:"submit",children:"Save view"})]}):null,l?r("span",{class:"muted",role:"status",children:l}):null]})}const Kn=9e4,Yn=500,Zn=20;function er(e,t,n){const o=4+e,s=o+2+(t?1+Zn*o:0),l=Math.floor(Kn/s);return Math.max(5,Math.min(n?100:Yn,l))}function tr(e,t){const{commit:n,...o}=e,s={...o,committedAt:n?.committedAt,branches:n?.branches};return t&&e.kind==="COMMIT"&&(s.children=n?.experiments?[...n.experiments]:[]),s}class nr{query;segments;onChange;stopped=!1;itemsCache=null;collapsedBranches;collapsedRows;includeHidden;constructor(t,n,o,s={branches:new Set,rows:new Set}){this.collapsedBranches=s.branches,this.collapsedRows=s.rows,this.query=t,this.segments=n,this.onChange=o,this.includeHidden=!!t.filter.includeHidden}stop(){this.stopped=!0}isStopped(){return this.stopped}changed(){this.itemsCache=null,this.stopped||this.onChange()}async load(t){if(!(t.loading||!t.hasNext&&t.total!==null||this.stopped)){t.loading=!0;try{const n={projectId:this.query.projectId,filter:t.filter,orderBy:this.query.orderBy,first:er(this.query.columns.length,this.query.nested,t.total===null),after:t.cursor,columns:this.query.columns},o=this.query.nested?await G(vn,n):await G(bn,n);if(this.isStopped())return;const s=o.node;if(!s||!("experiments"in s))throw new Error("the project is gone");const l=s.experiments,d=new Set(t.rows.map(c=>c.id));for(const c of l.nodes)d.has(c.id)||t.rows.push(tr(c,this.query.nested));t.total=Math.max(l.totalCount,t.rows.length),t.cursor=l.pageInfo.endCursor,t.hasNext=l.pageInfo.hasNextPage,t.hasNext||(t.total=t.rows.length),t.error=null}catch(n){t.error=n instanceof Error?n.message:String(n),t.hasNext=!1,t.total=t.rows.length}finally{t.loading=!1,this.changed()}}}items(){if(this.itemsCache)return this.itemsCache;const t=[];for(const n of this.segments){if(n.label!==null&&(t.push({t:"branch",key:"b:"+n.key,seg:n}),this.collapsedBranches.has(n.key)))continue;for(const s of n.rows)if(!(!this.includeHidden&&s.hidden)&&(t.push({t:"row",key:n.key+":"+s.id,row:s,seg:n,depth:0}),s.children&&!this.collapsedRows.has(s.id)))for(const l of s.children)!this.includeHidden&&l.hidden||t.push({t:"child",key:n.key+":"+s.id+":"+l.id,row:l,parent:s,depth:1});const o=n.total===null?1:n.error?0:n.total-n.rows.length;for(let s=0;s<o;s++)t.push({t:"more",key:`m:${n.key}:${s}`,seg:n})}return this.itemsCache=t,t}*places(t){for(const n of this.segments)for(let o=0;o<n.rows.length;o++){const s=n.rows[o];if(s&&(s.id===t&&(yield{list:n.rows,index:o}),s.children)){const l=s.children.findIndex(d=>d.id===t);l>=0&&(yield{list:s.children,index:l})}}}upsert(t,n){let o=!1;for(const{list:s,index:l}of this.places(t.id)){const d=s[l];d&&(s[l]={...d,...t}),o=!0}return!o&&n&&(o=this.place(t)),o&&this.changed(),o}place(t){if(this.query.nested&&t.kind!=="COMMIT"){let o=!1;for(const l of this.segments)for(const d of l.rows)d.kind==="COMMIT"&&d.sha&&d.sha===t.baselineSha&&d.children&&(d.children.unshift({...t}),o=!0);if(o)return!0;const s=this.segments.find(l=>l.key==="detached");return t.detached&&s?(s.rows.unshift({...t}),s.total=(s.total??0)+1,!0):!1}const n=this.segments[0];return!n||this.query.nested?!1:(n.rows.unshift({...t}),n.total!==null&&(n.total+=1),!0)}patch(t,n){let o=!1;for(const{list:s,index:l}of this.places(t)){const d=s[l];d&&(s[l]={...d,...n}),o=!0}o&&this.changed()}remove(t){let n=!1;for(const o of this.segments){const s=o.rows.length;o.rows=o.rows.filter(l=>l.id!==t),o.rows.length!==s&&(n=!0,o.total!==null&&(o.total-=s-o.rows.length));for(const l of o.rows)l.children?.some(d=>d.id===t)&&(l.children=l.children.filter(d=>d.id!==t),n=!0)}n&&this.changed()}find(t){for(const{list:n,index:o}of this.places(t))return n[o]??null;return null}}const ke=32,yt=12,rr=60,wt=2500;function or(e,t,n){const o=he(t),s=(h,a,u,_)=>({key:h,label:a,branch:u,filter:_,rows:[],total:null,cursor:null,hasNext:!0,loading:!1,error:null});if(!n)return[s("all",null,null,o)];const l={...o,kinds:["COMMIT"]};if(o.detached===!0)return[s("detached","Detached runs",null,o)];if(o.branch)return[s("branch:"+o.branch,o.branch,o.branch,l)];if(o.onBranch)return[s("on:"+o.onBranch,`commits on ${o.onBranch}`,null,l)];if(o.tag)return[s("tag:"+o.tag,`tag ${o.tag}`,null,l)];const c=e.branches.filter(h=>!h.folded&&(t.showHidden||!h.hidden)).sort((h,a)=>h.name===e.defaultBranch?-1:a.name===e.defaultBranch?1:h.name<a.name?-1:1).map(h=>s("branch:"+h.name,h.name,h.name,{...l,branch:h.name}));return o.detached!==!1&&c.push(s("detached","Detached runs",null,{...o,detached:!0})),c}function ir(e){return e.kind==="COMMIT"?e.sha?.slice(0,7)??String(e.databaseId):e.name??(e.kind==="LIVE"?`live run ${e.databaseId}`:e.sha?.slice(0,7)??String(e.databaseId))}const bt=new WeakMap;function vt(e){let t=bt.get(e);return t||(t=new Map(e.values.map(n=>[n.column,n.value])),bt.set(e,t)),t}async function kt(e,t){try{const o=(await G(yn,{projectId:e,name:t})).node;return o&&"view"in o?o.view?.goals??[]:[]}catch{return[]}}function sr(e){return typeof e=="object"&&e!==null&&"databaseId"in e&&"values"in e}function lr(e){return(e??"").split(`
`,1)[0]??""}const ar=[36,250,124,120,120,240,140],cr=116,dr=84;function ur(e){const t=[...ar,...e.map(()=>cr),dr];return{grid:t.map(n=>`${n}px`).join(" "),width:t.reduce((n,o)=>n+o,0)}}function hr(e){se(e.name);const[t,n]=I(null),[o,s]=I(!1),[l,d]=I(null),[c,h]=I(null),[a,u]=I(null),[,_]=I(0),[i,m]=I(new Set),[f,v]=I(null),[y,p]=I(null),b=Ee(new Map),$=Ee({branches:new Set,rows:new Set}),O=lt(async()=>{try{const g=await G(gn,{name:e.name,includeHidden:!0});return g.project?(n(g.project),g.project):(s(!0),null)}catch(g){return g instanceof be&&(g.has("UNAUTHENTICATED")||g.has("FORBIDDEN")||g.has("NOT_FOUND"))?s(!0):d(g),null}},[e.name]);F(()=>{O().then(g=>{if(!g)return;const w=mt(g),S=new URLSearchParams(location.search).get("view"),C=S?g.views.find(A=>A.name===S):void 0;if(!C){h(w);return}kt(g.id,C.name).then(A=>h(gt(C,g,w,A)))})},[O]);const L=c?c.groupByBranch&&_t(c):!1,U=c&&t?JSON.stringify([t.id,he(c),ve(c.sort),c.columns,L,t.branches]):null;F(()=>{if(!t||!c||U===null)return;const g=new nr({projectId:t.id,filter:he(c),orderBy:ve(c.sort),columns:c.columns,nested:L},or(t,c,L),()=>_(w=>w+1),$.current);return u(g),()=>g.stop()},[U]),F(()=>{a&&(a.includeHidden=!!c?.showHidden),a?.changed()},[a,c?.showHidden]),F(()=>{if(!a||!t)return;const g={projectId:t.id,columns:a.query.columns},w=Object.keys(a.query.filter).every(P=>P==="includeHidden"),S=P=>{b.current.set(P,Date.now()+wt),setTimeout(()=>{const x=b.current.get(P);x!==void 0&&x<=Date.now()&&(b.current.delete(P),a.changed())},wt+50)},C=ut(En,g,P=>{const x=P.experimentEvents;if(x.change==="REMOVED"||!x.experiment){a.remove(x.experimentId);return}a.upsert(x.experiment,w||x.experiment.kind==="LIVE")&&S(x.experimentId)}),A=ut(In,g,P=>{const x=P.liveMetrics;a.upsert(x.experiment,!0)&&S(x.experimentId)});return()=>{C(),A()}},[a,t]);const Q=c?.baselineId??null,z=c?JSON.stringify(c.columns):"";F(()=>{if(!Q||!c)return;let g=!1;return G(wn,{id:Q,columns:c.columns}).then(w=>{const S=w.node;if(g||!sr(S))return;const C=S;h(A=>A&&A.baselineId===Q?{...A,baseline:C}:A)}).catch(w=>v(w instanceof Error?w.message:String(w))),()=>{g=!0}},[Q,z]);const q=lt(g=>{h(w=>w&&{...w,...g,view:"view"in g?g.view??null:w.view})},[]),V=c?.viewGoals,K=Ce(()=>t&&c?Gn(t,c):new Map,[t,V]);if(o)return r(Nn,{what:`Project “${e.name}”`,signedIn:e.session!==null});if(l)return r(Ae,{error:l});if(!t||!c||!a)return r("p",{class:"muted",children:["Loading ",e.name,"…"]});const ne=e.session!==null,le=async g=>{const w=t.views.find(A=>A.name===g),S=new URLSearchParams(location.search);if(w){const A=await kt(t.id,w.name);h(gt(w,t,c,A)),S.set("view",w.name)}else h({...mt(t),view:null}),S.delete("view");const C=S.toString();Be(location.pathname+(C?"?"+C:""),!0)},E=async(g,w)=>{try{const S=await G($n,{input:{projectId:t.id,name:g,shared:w,columns:c.columns,filter:he(c),order:ve(c.sort),baseline:c.baselineId,goals:Object.entries(c.viewGoals).map(([P,x])=>({column:P,goal:x})),includeHidden:c.showHidden}}),C=S.saveView.errors[0];if(C)return`${C.code}: ${C.message}`;const A=S.saveView.view;if(A){const P=[...t.views.filter(B=>B.id!==A.id),A];n({...t,views:P}),h({...c,view:A.name});const x=new URLSearchParams(location.search);x.set("view",A.name),Be(location.pathname+"?"+x.toString(),!0)}return null}catch(S){return S instanceof Error?S.message:String(S)}},R=async g=>{try{const S=(await G(xn,{input:{id:g.id}})).deleteView.errors[0];return S?`${S.code}: ${S.message}`:(n({...t,views:t.views.filter(C=>C.id!==g.id)}),await le(null),`Deleted “${g.name}”`)}catch(w){return w instanceof Error?w.message:String(w)}},k=async(g,w,S)=>{try{const C={input:{projectId:t.id,ids:g,branches:w},columns:a.query.columns},A=S?(await G(Sn,C)).unhideRows:(await G(kn,C)).hideRows,P=A.errors[0];if(P){v(`${P.code}: ${P.message}`);return}for(const x of A.experiments)a.patch(x.id,{hidden:x.hidden,autoHidden:x.autoHidden});w.length&&await O(),m(new Set),v(`${S?"Shown":"Hidden"}: ${g.length+w.length}`)}catch(C){v(C instanceof Error?C.message:String(C))}},T=[...i].map(g=>a.find(g)).filter(g=>g!==null),N=_t(c);return r("section",{class:"table-page","aria-labelledby":"table-title",children:[r("div",{class:"title-bar",children:[r("h1",{id:"table-title",children:t.name}),r("span",{class:"muted small",children:[t.visibility.toLowerCase()," · synced ",ie(t.lastSyncedAt)," ·"," ",r("span",{class:`badge sync-${t.syncState.toLowerCase()}`,children:t.syncState.toLowerCase()})]}),t.lastSyncError?r("span",{class:"sync-error",children:t.lastSyncError}):null,r("a",{class:"csv",href:zn(t.databaseId,c),"data-testid":"csv-link",download:!0,children:"Export CSV"})]}),r("div",{class:"toolbar",role:"toolbar","aria-label":"Table",children:[r(Qn,{views:t.views,current:c.view,signedIn:ne,pick:g=>{le(g)},save:E,remove:R}),r(Jn,{project:t,state:c,update:q}),r(Xn,{project:t,state:c,update:q}),r("label",{title:N?"":"A sort by a value or a value filter lists rows flat",children:[r("input",{type:"checkbox",checked:c.groupByBranch&&N,disabled:!N,onChange:g=>q({groupByBranch:g.currentTarget.checked}),"data-testid":"group-toggle"})," ","Group by branch"]}),r("label",{children:[r("input",{type:"checkbox",checked:c.showHidden,onChange:g=>q({showHidden:g.currentTarget.checked}),"data-testid":"show-hidden"})," ","Show hidden"]}),r("label",{children:[r("input",{type:"checkbox",checked:c.deltas,disabled:!c.baseline,onChange:g=>q({deltas:g.currentTarget.checked}),"data-testid":"delta-mode"})," ","Deltas"]})]}),r("div",{class:"selection-bar","aria-live":"polite",children:[r("span",{children:i.size?`${i.size} selected`:"Select rows to hide them or to use one as the baseline."}),i.size?r(Y,{children:[r("button",{type:"button",disabled:!ne,onClick:()=>{k([...i],[],!1)},children:"Hide selected"}),r("button",{type:"button",disabled:!ne,onClick:()=>{k([...i],[],!0)},children:"Unhide selected"}),r("button",{type:"button",disabled:T.length!==1,onClick:()=>q({baseline:T[0]??null,baselineId:T[0]?.id??null}),"data-testid":"set-baseline",children:"Use as baseline"}),r("button",{type:"button",disabled:i.size>100,onClick:()=>p([...i]),"data-testid":"compare",children:"Compare"}),r("button",{type:"button",onClick:()=>m(new Set),children:"Clear selection"})]}):null,c.baseline?r("button",{type:"button",onClick:()=>q({baseline:null,baselineId:null,deltas:!1}),children:"Clear baseline"}):null,f?r("span",{class:"muted",role:"status",children:f}):null]}),y?r(Ln,{projectId:t.id,ids:y,baselineId:c.baselineId,onClose:()=>p(null)}):null,r(pr,{project:t,model:a,state:c,goals:K,selected:i,flash:b.current,signedIn:ne,onSelect:(g,w)=>{const S=new Set(i);w?S.add(g):S.delete(g),m(S)},onSort:g=>{const w=c.sort,S=w?.key!==g?{key:g,direction:"DESC"}:w.direction==="DESC"?{key:g,direction:"ASC"}:null;q({sort:S})},onHide:(g,w)=>{k([g.id],[],w)},onHideBranch:(g,w)=>{k([],[g],w)}})]})}function pr(e){const{model:t,state:n}=e,o=Ee(null),[s,l]=I(0),[d,c]=I(600),h=t.items(),{grid:a,width:u}=Ce(()=>ur(n.columns),[n.columns]);F(()=>{const p=o.current;if(!p)return;const b=new ResizeObserver(()=>c(p.clientHeight));return b.observe(p),c(p.clientHeight),()=>b.disconnect()},[]),F(()=>{o.current&&(o.current.scrollTop=0),l(0)},[t]);const _=Math.max(0,Math.floor(s/ke)-yt),i=Math.min(h.length,Math.ceil((s+d)/ke)+yt);F(()=>{const p=new Set,b=Math.min(h.length,i+rr);for(let $=_;$<b;$++){const O=h[$];O?.t==="more"&&!O.seg.loading&&p.add(O.seg)}for(const $ of p)t.load($)});const m=n.baseline?2:1,f=[];for(let p=_;p<i;p++){const b=h[p];b&&f.push(r(fr,{item:b,index:p,rowIndex:p+m+1,...e},b.key))}const v=p=>n.sort?.key===p?n.sort.direction==="ASC"?"ascending":"descending":"none",y=(p,b,$,O="")=>r("div",{role:"columnheader",class:`th ${O}`,"aria-sort":v(p),"data-testid":"column-header","data-column":p,children:r("button",{type:"button",class:"sort",title:$,onClick:()=>e.onSort(p),children:[r("span",{children:b}),r("span",{class:"arrow","aria-hidden":"true",children:v(p)==="ascending"?"▲":v(p)==="descending"?"▼":""})]})});return r("div",{class:"table-scroll",ref:o,role:"table","aria-label":`Experiments of ${e.project.name}`,"aria-rowcount":h.length+m,"data-testid":"experiments-table","data-nested":t.query.nested?"true":"false",onScroll:p=>l(p.currentTarget.scrollTop),style:{"--grid":a,"--table-w":`${u}px`},children:[r("div",{role:"rowgroup",class:"thead",children:[r("div",{role:"row",class:"tr head","aria-rowindex":1,children:[r("div",{role:"columnheader",class:"th sticky0",children:r("span",{class:"sr-only",children:"Select"})}),r("div",{role:"columnheader",class:"th sticky1",children:"Experiment"}),r("div",{role:"columnheader",class:"th",children:"Status"}),Fn.map(p=>y("field:"+p.field,p.label,`Sort by ${p.label.toLowerCase()}`)),n.columns.map(p=>{const b=e.goals.get(p);return y(p,pn(p),`${p}${b?` (${b.toLowerCase()} is better)`:""}`,p.startsWith("metric:")?"metric num":"param num")}),r("div",{role:"columnheader",class:"th",children:r("span",{class:"sr-only",children:"Actions"})})]}),n.baseline?r(Bt,{row:n.baseline,depth:0,rowIndex:2,baseline:!0,...e,index:-1}):null]}),r("div",{role:"rowgroup",class:"tbody",style:{height:`${h.length*ke}px`},children:f}),h.length===0?r("p",{class:"empty muted",children:"No rows match."}):null]})}function fr(e){const{item:t}=e,n={transform:`translateY(${e.index*ke}px)`};if(t.t==="branch"){const o=t.seg,s=e.model.collapsedBranches.has(o.key),l=o.total===null?"…":String(o.total),d=e.project.branches.some(c=>c.name===o.branch&&c.hidden);return r("div",{role:"row",class:"tr branch",style:n,"aria-rowindex":e.rowIndex,"data-testid":"branch-row","data-branch":o.branch??o.key,children:r("div",{role:"cell",class:"td span",children:[r("button",{type:"button",class:"twisty","aria-expanded":!s,"aria-label":`${s?"Expand":"Collapse"} ${o.label??""}`,onClick:()=>{s?e.model.collapsedBranches.delete(o.key):e.model.collapsedBranches.add(o.key),e.model.changed()},children:s?"▸":"▾"}),r("strong",{children:o.label}),r("span",{class:"muted small",children:[l," ",o.key==="detached"?"rows":"commits"]}),o.branch&&e.signedIn?r("button",{type:"button",class:"link",onClick:()=>e.onHideBranch(o.branch??"",d),"aria-label":`${d?"Unhide":"Hide"} branch ${o.branch}`,"data-testid":"hide-branch",children:d?"Unhide branch":"Hide branch"}):null,o.error?r("span",{class:"sync-error",children:o.error}):null]})})}return t.t==="more"?r("div",{role:"row",class:"tr more",style:n,"aria-rowindex":e.rowIndex,"data-testid":"placeholder-row",children:r("div",{role:"cell",class:"td span muted",children:t.seg.error??"Loading…"})}):r(Bt,{...e,row:t.row,depth:t.depth,style:n})}class Bt extends ue{flashUntil=0;collapsed=!1;shouldComponentUpdate(t){const n=this.props;return n.row!==t.row||n.index!==t.index||n.rowIndex!==t.rowIndex||n.depth!==t.depth||n.state!==t.state||n.goals!==t.goals||n.selected!==t.selected||n.signedIn!==t.signedIn||n.baseline!==t.baseline||n.model!==t.model||this.flashUntil!==(t.flash.get(t.row.id)??0)||this.collapsed!==t.model.collapsedRows.has(t.row.id)}render(){return this.flashUntil=this.props.flash.get(this.props.row.id)??0,this.collapsed=this.props.model.collapsedRows.has(this.props.row.id),mr(this.props)}}function mr(e){const{row:t,state:n,model:o}=e,s=ir(t),l=vt(t),d=n.baseline?vt(n.baseline):null,c=e.baseline===!0||n.baseline?.id===t.id,h=(e.flash.get(t.id)??0)>Date.now(),a=o.collapsedRows.has(t.id),u=["tr",e.depth===1?"child":"",t.kind==="LIVE"?"live":"",t.status==="RUNNING"?"running":"",t.hidden?"hidden-row":"",e.selected.has(t.id)?"selected":"",h?"flash":"",e.baseline?"baseline":""].join(" ");return r("div",{role:"row",class:u,style:e.style,"aria-rowindex":e.rowIndex,"aria-selected":e.selected.has(t.id),"data-testid":e.baseline?"baseline-row":"row","data-row-id":t.id,"data-kind":t.kind,"data-status":t.status,"data-hidden":t.hidden?"true":"false",children:[r("div",{role:"cell",class:"td sticky0",children:r("input",{type:"checkbox","aria-label":`Select ${s}`,checked:e.selected.has(t.id),onChange:_=>e.onSelect(t.id,_.currentTarget.checked)})}),r("div",{role:"cell",class:"td sticky1 name","data-testid":"row-name",children:[e.depth===1?r("span",{class:"indent","aria-hidden":"true"}):null,t.children&&t.children.length>0&&!e.baseline?r("button",{type:"button",class:"twisty","aria-expanded":!a,"aria-label":`${a?"Show":"Hide"} the ${t.children.length} experiments of ${s}`,onClick:()=>{a?o.collapsedRows.delete(t.id):o.collapsedRows.add(t.id),o.changed()},children:a?"▸":"▾"}):r("span",{class:"twisty-space","aria-hidden":"true"}),r("span",{class:t.kind==="COMMIT"?"sha":"exp-name",title:t.sha??t.name??"",children:s}),c?r("span",{class:"chip base",children:"baseline"}):null,t.kind==="LIVE"?r("span",{class:"chip live-chip",children:["live",t.lastStep!==null?` · step ${t.lastStep}`:""]}):null,t.detached?r("span",{class:"chip",children:"detached"}):null,t.tags.slice(0,2).map(_=>r("span",{class:"chip tag",children:_},_))]}),r("div",{role:"cell",class:"td","data-testid":"status",children:r("span",{class:`status status-${t.status.toLowerCase()}`,children:t.status})}),r("div",{role:"cell",class:"td ellipsis",children:t.branches?.[0]??""}),r("div",{role:"cell",class:"td ellipsis",children:t.author?.name??""}),r("div",{role:"cell",class:"td ellipsis",title:t.message??"",children:lr(t.message)}),r("div",{role:"cell",class:"td ellipsis",title:ie(t.committedAt??t.createdAt),children:ie(t.committedAt??t.createdAt).replace(" UTC","")}),n.columns.map(_=>{const i=l.get(_),m=d?.get(_);let f=Je(i),v="td num",y;if(d&&!c&&typeof i=="number"&&typeof m=="number"){const p=i-m;n.deltas&&(f=Ue(p));const b=e.goals.get(_);if(b&&p!==0){const $=b==="HIGHER"?p>0:p<0;v+=$?" better":" worse",y=`${$?"better":"worse"} than the baseline (${Ue(p)})`}}return r("div",{role:"cell",class:v,title:y,"data-column":_,children:f},_)}),r("div",{role:"cell",class:"td actions",children:e.signedIn&&!e.baseline?r("button",{type:"button",class:"link","aria-label":`${t.hidden?"Unhide":"Hide"} ${s}`,onClick:()=>e.onHide(t,t.hidden),"data-testid":"hide-row",children:t.hidden?"Unhide":"Hide"}):null})]})}function _r(e,t){return`${ze(e)}/models/${encodeURIComponent(t)}`}function gr(e){se("Models");const[t,n]=I(null),[o,s]=I(0),[l,d]=I(null),[c,h]=I(""),[a,u]=I(null),_=async(i,m)=>{try{const f=await G(mn,{after:i,filter:m?{name:m}:null});n(v=>[...i&&v?v:[],...f.models.nodes]),s(f.models.totalCount),d(f.models.pageInfo.hasNextPage?f.models.pageInfo.endCursor:null),u(null)}catch(f){u(f)}};return F(()=>{const i=setTimeout(()=>{_(null,c.trim())},c?250:0);return()=>clearTimeout(i)},[c]),r("section",{"aria-labelledby":"models-title",children:[r("h1",{id:"models-title",children:"Models"}),r("div",{class:"toolbar",children:[r("label",{children:["Find a model",r("input",{type:"search",value:c,onInput:i=>h(i.currentTarget.value),"data-testid":"model-search"})]}),e.session?null:r("span",{class:"muted",children:"Signed out: models of public projects only."})]}),a?r(Ae,{error:a}):null,t===null?r("p",{class:"muted",children:"Loading models…"}):t.length===0?r("p",{children:"No models. Declare one in a dvc.yaml (`artifacts:`) or register one with GTO."}):r("table",{class:"projects","data-testid":"models",children:[r("caption",{class:"sr-only",children:[o," models"]}),r("thead",{children:r("tr",{children:[r("th",{scope:"col",children:"Model"}),r("th",{scope:"col",children:"Project"}),r("th",{scope:"col",children:"Latest version"}),r("th",{scope:"col",children:"Stages"}),r("th",{scope:"col",children:"Type"})]})}),r("tbody",{children:t.map(i=>r("tr",{"data-testid":"model","data-model":i.name,children:[r("th",{scope:"row",children:[i.project?r("a",{href:_r(i.project.name,i.name),children:i.name}):i.name,i.deprecated?r("span",{class:"chip",children:" deprecated"}):null,i.description?r("div",{class:"muted small",children:i.description}):null,i.registryError?r("div",{class:"sync-error",children:i.registryError.message}):null]}),r("td",{children:i.project?r("a",{href:ze(i.project.name),children:i.project.name}):"—"}),r("td",{children:i.latestVersion?r(Y,{children:[i.latestVersion.version," ",r("span",{class:"muted small",children:ie(i.latestVersion.createdAt)})]}):r("span",{class:"muted",children:"unregistered"})}),r("td",{children:i.stages.map(m=>r("span",{class:"chip tag",children:[m.stage,": ",m.versions.map(f=>f.version).join(", ")]},m.stage))}),r("td",{children:i.type??""})]},`${i.project?.id??""}:${i.name}`))})]}),l?r("button",{type:"button",onClick:()=>{_(l,c.trim())},children:"More models"}):null]})}const yr=["READ","PROJECTS","EXPERIMENTS","MODELS","ADMIN"];function wr(e){se("Access tokens");const[t,n]=I(null),[o,s]=I(null),[l,d]=I(""),[c,h]=I(new Set(["READ","EXPERIMENTS"])),[a,u]=I(null),[_,i]=I(null),m=async()=>{try{const y=await G(Tn,{});n(y.me.tokens)}catch(y){s(y)}};if(F(()=>{e.session&&m()},[e.session]),!e.session)return r("section",{children:[r("h1",{children:"Access tokens"}),r("p",{children:[r("a",{href:me(),children:"Sign in"})," to manage your tokens."]})]});const f=async()=>{u(null);try{const y=await G(Cn,{input:{name:l.trim(),scopes:[...c]}}),p=y.createAccessToken.errors[0];if(p){i(`${p.code}: ${p.message}`);return}u(y.createAccessToken.token??null),i(null),d(""),await m()}catch(y){i(y instanceof Error?y.message:String(y))}},v=async y=>{if(confirm(`Revoke the token “${y.name}”? Scripts using it stop working.`))try{const b=(await G(An,{id:y.id})).revokeAccessToken.errors[0];i(b?`${b.code}: ${b.message}`:`Revoked “${y.name}”`),await m()}catch(p){i(p instanceof Error?p.message:String(p))}};return r("section",{"aria-labelledby":"tokens-title",children:[r("h1",{id:"tokens-title",children:"Access tokens"}),o?r(Ae,{error:o}):null,r("form",{class:"token-form",onSubmit:y=>{y.preventDefault(),f()},children:[r("label",{children:["Name",r("input",{type:"text",required:!0,value:l,onInput:y=>d(y.currentTarget.value),"data-testid":"token-name"})]}),r("fieldset",{children:[r("legend",{children:"Scopes"}),yr.map(y=>r("label",{children:[r("input",{type:"checkbox",checked:c.has(y),onChange:p=>{const b=new Set(c);p.currentTarget.checked?b.add(y):b.delete(y),h(b)}})," ",y]},y))]}),r("button",{type:"submit",class:"primary",disabled:!l.trim()||c.size===0,children:"Create token"})]}),a?r("div",{class:"notice",role:"status","data-testid":"new-token",children:r("p",{children:["Your new token (shown once): ",r("code",{children:a})]})}):null,_?r("p",{class:"muted",role:"status",children:_}):null,t===null?r("p",{class:"muted",children:"Loading tokens…"}):r("table",{class:"projects","data-testid":"tokens",children:[r("thead",{children:r("tr",{children:[r("th",{scope:"col",children:"Name"}),r("th",{scope:"col",children:"Prefix"}),r("th",{scope:"col",children:"Scopes"}),r("th",{scope:"col",children:"Created"}),r("th",{scope:"col",children:"Last used"}),r("th",{scope:"col",children:r("span",{class:"sr-only",children:"Actions"})})]})}),r("tbody",{children:t.map(y=>r("tr",{"data-testid":"token",children:[r("th",{scope:"row",children:y.name}),r("td",{children:r("code",{children:y.prefix})}),r("td",{children:y.scopes.join(", ")}),r("td",{children:ie(y.createdAt)}),r("td",{children:ie(y.lastUsedAt)}),r("td",{children:r("button",{type:"button",onClick:()=>{v(y)},"aria-label":`Revoke ${y.name}`,children:"Revoke"})})]},y.id))})]})]})}function br(e,t){if(e==="/"||e==="")return r(Mn,{session:t});const n=/^\/projects\/([^/]+)\/models\/(.+)$/.exec(e);if(n?.[1]&&n[2])return r(jn,{title:`Model ${decodeURIComponent(n[2])}`,what:"A model's page"});const o=/^\/projects\/([^/]+)\/?$/.exec(e);if(o?.[1]){const s=decodeURIComponent(o[1]);return r(hr,{name:s,session:t},s)}return e==="/models"?r(gr,{session:t}):e==="/settings/tokens"?r(wr,{session:t}):r(Rn,{})}function vr(){const e=dn(),[t,n]=I({loaded:!1});F(()=>{ln().then(l=>n({loaded:!0,session:l})).catch(()=>n({loaded:!0,session:null}))},[]);const o=t.loaded?t.session:null,s=l=>(l==="/"?e.path==="/"||e.path.startsWith("/projects/"):e.path.startsWith(l))?"page":void 0;return r(Y,{children:[r("a",{class:"skip",href:"#main",children:"Skip to content"}),r("header",{class:"shell",children:[r("a",{class:"brand",href:"/",children:"gitstudio"}),r("nav",{"aria-label":"Main",children:r("ul",{children:[r("li",{children:r("a",{href:"/","aria-current":s("/"),children:"Projects"})}),r("li",{children:r("a",{href:"/models","aria-current":s("/models"),children:"Models"})}),r("li",{children:r("a",{href:"/settings/tokens","aria-current":s("/settings/tokens"),children:"Tokens"})}),r("li",{children:r("a",{href:"/graphql",children:"GraphiQL"})})]})}),r("div",{class:"who","data-testid":"session",children:t.loaded?o?r(Y,{children:[r("span",{"data-testid":"user",children:o.user}),r("button",{type:"button",onClick:()=>{an().then(()=>{location.assign(me("/"))})},children:"Sign out"})]}):r("a",{href:me(),"data-testid":"sign-in",children:"Sign in"}):null})]}),r("main",{id:"main",tabIndex:-1,children:t.loaded?br(e.path,o):r("p",{class:"muted",children:"Loading…"})})]})}const Me=document.getElementById("app");Me&&(hn(Me),Xt(r(vr,{}),Me));

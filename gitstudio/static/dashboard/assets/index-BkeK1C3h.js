const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=["assets/embed-ji_c-7H5.js","assets/vega-interpreter-BmnYaw1U.js"])))=>i.map(i=>d[i]);
var Ne,D,Rt,ae,rt,jt,Mt,Oe,xe,_e,At,Ye,Ge,We,Me={},Ae=[],Zt=/acit|ex(?:s|g|n|p|$)|rph|grid|ows|mnc|ntw|ine[ch]|zoo|^ord|itera/i,De=Array.isArray;function le(e,t){for(var r in t)e[r]=t[r];return e}function Ze(e){e&&e.parentNode&&e.parentNode.removeChild(e)}function en(e,t,r){var s,l,o,d={};for(o in t)o=="key"?s=t[o]:o=="ref"?l=t[o]:d[o]=t[o];if(arguments.length>2&&(d.children=arguments.length>3?Ne.call(arguments,2):r),typeof e=="function"&&e.defaultProps!=null)for(o in e.defaultProps)d[o]===void 0&&(d[o]=e.defaultProps[o]);return Ee(e,d,s,l,null)}function Ee(e,t,r,s,l){var o={type:e,props:t,key:r,ref:s,__k:null,__:null,__b:0,__e:null,__c:null,constructor:void 0,__v:l??++Rt,__i:-1,__u:0};return l==null&&D.vnode!=null&&D.vnode(o),o}function ne(e){return e.children}function ye(e,t){this.props=e,this.context=t}function he(e,t){if(t==null)return e.__?he(e.__,e.__i+1):null;for(var r;t<e.__k.length;t++)if((r=e.__k[t])!=null&&r.__e!=null)return r.__e;return typeof e.type=="function"?he(e):null}function tn(e){if(e.__P&&e.__d){var t=e.__v,r=t.__e,s=[],l=[],o=le({},t);o.__v=t.__v+1,D.vnode&&D.vnode(o),et(e.__P,o,t,e.__n,e.__P.namespaceURI,32&t.__u?[r]:null,s,r??he(t),!!(32&t.__u),l),o.__v=t.__v,o.__.__k[o.__i]=o,qt(s,o,l),t.__e=t.__=null,o.__e!=r&&Pt(o)}}function Pt(e){if((e=e.__)!=null&&e.__c!=null)return e.__e=e.__c.base=null,e.__k.some(function(t){if(t!=null&&t.__e!=null)return e.__e=e.__c.base=t.__e}),Pt(e)}function st(e){(!e.__d&&(e.__d=!0)&&ae.push(e)&&!Pe.__r++||rt!=D.debounceRendering)&&((rt=D.debounceRendering)||jt)(Pe)}function Pe(){try{for(var e,t=1;ae.length;)ae.length>t&&ae.sort(Mt),e=ae.shift(),t=ae.length,tn(e)}finally{ae.length=Pe.__r=0}}function Nt(e,t,r,s,l,o,d,a,u,c,h){var p,i,m,f,w,_,g=s&&s.__k||Ae,y=t.length;for(u=nn(r,t,g,u,y),p=0;p<y;p++)(m=r.__k[p])!=null&&(i=m.__i!=-1&&g[m.__i]||Me,m.__i=p,_=et(e,m,i,l,o,d,a,u,c,h),f=m.__e,m.ref&&i.ref!=m.ref&&(i.ref&&tt(i.ref,null,m),h.push(m.ref,m.__c||f,m)),w==null&&f!=null&&(w=f),4&m.__u?(u=Dt(m,u,e),i.__e&&(i.__e=null)):typeof m.type=="function"&&_!==void 0?u=_:f&&(u=f.nextSibling),m.__u&=-7);return r.__e=w,u}function nn(e,t,r,s,l){var o,d,a,u,c,h=r.length,p=h,i=0;for(e.__k=new Array(l),o=0;o<l;o++)(d=t[o])!=null&&typeof d!="boolean"&&typeof d!="function"?(typeof d=="string"||typeof d=="number"||typeof d=="bigint"||d.constructor==String?d=e.__k[o]=Ee(null,d,null,null,null):De(d)?d=e.__k[o]=Ee(ne,{children:d},null,null,null):d.constructor===void 0&&d.__b>0?d=e.__k[o]=Ee(d.type,d.props,d.key,d.ref?d.ref:null,d.__v):e.__k[o]=d,u=o+i,d.__=e,d.__b=e.__b+1,a=null,(c=d.__i=rn(d,r,u,p))!=-1&&(p--,(a=r[c])&&(a.__u|=2)),a==null||a.__v==null?(c==-1&&(l>h?i--:l<h&&i++),typeof d.type!="function"&&(d.__u|=4)):c!=u&&(c==u-1?i--:c==u+1?i++:(c>u?i--:i++,d.__u|=4))):e.__k[o]=null;if(p)for(o=0;o<h;o++)(a=r[o])!=null&&(2&a.__u)==0&&(a.__e==s&&(s=he(a)),Ot(a,a));return s}function Dt(e,t,r){var s,l;if(typeof e.type=="function"){for(s=e.__k,l=0;s&&l<s.length;l++)s[l]&&(s[l].__=e,t=Dt(s[l],t,r));return t}e.__e!=t&&(t&&e.type&&!t.parentNode&&(t=he(e)),t=r.insertBefore(e.__e,t||null));do t=t&&t.nextSibling;while(t!=null&&t.nodeType==8);return t}function rn(e,t,r,s){var l,o,d,a=e.key,u=e.type,c=t[r],h=c!=null&&(2&c.__u)==0;if(c===null&&a==null||h&&a==c.key&&u==c.type)return r;if(s>(h?1:0)){for(l=r-1,o=r+1;l>=0||o<t.length;)if((c=t[d=l>=0?l--:o++])!=null&&(2&c.__u)==0&&a==c.key&&u==c.type)return d}return-1}function ot(e,t,r){t[0]=="-"?e.setProperty(t,r??""):e[t]=r==null?"":typeof r!="number"||Zt.test(t)?r:r+"px"}function Ie(e,t,r,s,l){var o,d;e:if(t=="style")if(typeof r=="string")e.style.cssText=r;else{if(typeof s=="string"&&(e.style.cssText=s=""),s)for(t in s)r&&t in r||ot(e.style,t,"");if(r)for(t in r)s&&r[t]==s[t]||ot(e.style,t,r[t])}else if(t[0]=="o"&&t[1]=="n")o=t!=(t=t.replace(At,"$1")),d=t.toLowerCase(),t=d in e||t=="onFocusOut"||t=="onFocusIn"?d.slice(2):t.slice(2),e.l||(e.l={}),e.l[t+o]=r,r?s?r[_e]=s[_e]:(r[_e]=Ye,e.addEventListener(t,o?We:Ge,o)):e.removeEventListener(t,o?We:Ge,o);else{if(l=="http://www.w3.org/2000/svg")t=t.replace(/xlink(H|:h)/,"h").replace(/sName$/,"s");else if(t!="width"&&t!="height"&&t!="href"&&t!="list"&&t!="form"&&t!="tabIndex"&&t!="download"&&t!="rowSpan"&&t!="colSpan"&&t!="role"&&t!="popover"&&t in e)try{e[t]=r??"";break e}catch{}typeof r=="function"||(r==null||r===!1&&t[4]!="-"?e.removeAttribute(t):e.setAttribute(t,t=="popover"&&r==1?"":r))}}function it(e){return function(t){if(this.l){var r=this.l[t.type+e];if(t[xe]==null)t[xe]=Ye++;else if(t[xe]<r[_e])return;return r(D.event?D.event(t):t)}}}function et(e,t,r,s,l,o,d,a,u,c){var h,p,i,m,f,w,_,g,y,I,$,T,P,z,J,X,L=t.type;if(t.constructor!==void 0)return null;128&r.__u&&(u=!!(32&r.__u),o=[a=t.__e=r.__e]),(h=D.__b)&&h(t);e:if(typeof L=="function"){p=d.length;try{if(y=t.props,I=L.prototype&&L.prototype.render,$=(h=L.contextType)&&s[h.__c],T=h?$?$.props.value:h.__:s,r.__c?g=(i=t.__c=r.__c).__=i.__E:(I?t.__c=i=new L(y,T):(t.__c=i=new ye(y,T),i.constructor=L,i.render=on),$&&$.sub(i),i.state||(i.state={}),i.__n=s,m=i.__d=!0,i.__h=[],i._sb=[]),I&&i.__s==null&&(i.__s=i.state),I&&L.getDerivedStateFromProps!=null&&(i.__s==i.state&&(i.__s=le({},i.__s)),le(i.__s,L.getDerivedStateFromProps(y,i.__s))),f=i.props,w=i.state,i.__v=t,m)I&&L.getDerivedStateFromProps==null&&i.componentWillMount!=null&&i.componentWillMount(),I&&i.componentDidMount!=null&&i.__h.push(i.componentDidMount);else{if(I&&L.getDerivedStateFromProps==null&&y!==f&&i.componentWillReceiveProps!=null&&i.componentWillReceiveProps(y,T),t.__v==r.__v||!i.__e&&i.shouldComponentUpdate!=null&&i.shouldComponentUpdate(y,i.__s,T)===!1){t.__v!=r.__v&&(i.props=y,i.state=i.__s,i.__d=!1),t.__e=r.__e,t.__k=r.__k,t.__k.some(function(G){G&&(G.__=t)}),Ae.push.apply(i.__h,i._sb),i._sb=[],i.__h.length&&d.push(i),a=he(r);break e}i.componentWillUpdate!=null&&i.componentWillUpdate(y,i.__s,T),I&&i.componentDidUpdate!=null&&i.__h.push(function(){i.componentDidUpdate(f,w,_)})}if(i.context=T,i.props=y,i.__P=e,i.__e=!1,P=D.__r,z=0,I)i.state=i.__s,i.__d=!1,P&&P(t),h=i.render(i.props,i.state,i.context),Ae.push.apply(i.__h,i._sb),i._sb=[];else do i.__d=!1,P&&P(t),h=i.render(i.props,i.state,i.context),i.state=i.__s;while(i.__d&&++z<25);i.state=i.__s,i.getChildContext!=null&&(s=le(le({},s),i.getChildContext())),I&&!m&&i.getSnapshotBeforeUpdate!=null&&(_=i.getSnapshotBeforeUpdate(f,w)),J=h!=null&&h.type===ne&&h.key==null?Bt(h.props.children):h,a=Nt(e,De(J)?J:[J],t,r,s,l,o,d,a,u,c),i.base=t.__e,t.__u&=-161,i.__h.length&&d.push(i),g&&(i.__E=i.__=null)}catch(G){if(d.length=p,t.__v=null,u||o!=null){if(G.then){for(t.__u|=u?160:128;a&&a.nodeType==8&&a.nextSibling;)a=a.nextSibling;o!=null&&(o[o.indexOf(a)]=null),t.__e=a}else if(o!=null)for(X=o.length;X--;)Ze(o[X])}else t.__e=r.__e;t.__k==null&&(t.__k=r.__k||[]),G.then||Ht(t),D.__e(G,t,r)}}else o==null&&t.__v==r.__v?(t.__k=r.__k,t.__e=r.__e):a=t.__e=sn(r.__e,t,r,s,l,o,d,u,c);return(h=D.diffed)&&h(t),128&t.__u?void 0:a}function Ht(e){e&&(e.__c&&(e.__c.__e=!0),e.__k&&e.__k.some(Ht))}function qt(e,t,r){for(var s=0;s<r.length;s++)tt(r[s],r[++s],r[++s]);D.__c&&D.__c(t,e),e.some(function(l){try{e=l.__h,l.__h=[],e.some(function(o){o.call(l)})}catch(o){D.__e(o,l.__v)}})}function Bt(e){return typeof e!="object"||e==null||e.__b>0?e:De(e)?e.map(Bt):e.constructor!==void 0?null:le({},e)}function sn(e,t,r,s,l,o,d,a,u){var c,h,p,i,m,f,w,_=r.props||Me,g=t.props,y=t.type;if(y=="svg"?l="http://www.w3.org/2000/svg":y=="math"?l="http://www.w3.org/1998/Math/MathML":l||(l="http://www.w3.org/1999/xhtml"),o!=null){for(c=0;c<o.length;c++)if((m=o[c])&&"setAttribute"in m==!!y&&(y?m.localName==y:m.nodeType==3)){e=m,o[c]=null;break}}if(e==null){if(y==null)return document.createTextNode(g);e=document.createElementNS(l,y,g.is&&g),a&&(D.__m&&D.__m(t,o),a=!1),o=null}if(y==null)_===g||a&&e.data==g||(e.data=g);else{if(o=y=="textarea"&&g.defaultValue!=null?null:o&&Ne.call(e.childNodes),!a&&o!=null)for(_={},c=0;c<e.attributes.length;c++)_[(m=e.attributes[c]).name]=m.value;for(c in _)m=_[c],c=="dangerouslySetInnerHTML"?p=m:c=="children"||c in g||c=="value"&&"defaultValue"in g||c=="checked"&&"defaultChecked"in g||Ie(e,c,null,m,l);for(c in g)m=g[c],c=="children"?i=m:c=="dangerouslySetInnerHTML"?h=m:c=="value"?f=m:c=="checked"?w=m:a&&typeof m!="function"||_[c]===m||Ie(e,c,m,_[c],l);if(h)a||p&&(h.__html==p.__html||h.__html==e.innerHTML)||(e.innerHTML=h.__html),t.__k=[];else if(p&&(e.innerHTML=""),Nt(t.type=="template"?e.content:e,De(i)?i:[i],t,r,s,y=="foreignObject"?"http://www.w3.org/1999/xhtml":l,o,d,o?o[0]:r.__k&&he(r,0),a,u),o!=null)for(c=o.length;c--;)Ze(o[c]);a&&y!="textarea"||(c="value",y=="progress"&&f==null?e.removeAttribute("value"):f!=null&&(f!==e[c]||y=="progress"&&!f||y=="option"&&f!=_[c])&&Ie(e,c,f,_[c],l),c="checked",w!=null&&w!=e[c]&&Ie(e,c,w,_[c],l))}return e}function tt(e,t,r){try{if(typeof e=="function"){var s=typeof e.__u=="function";s&&e.__u(),s&&t==null||(e.__u=e(t))}else e.current=t}catch(l){D.__e(l,r)}}function Ot(e,t,r){var s,l;if(D.unmount&&D.unmount(e),(s=e.ref)&&(s.current&&s.current!=e.__e||tt(s,null,t)),(s=e.__c)!=null){if(s.componentWillUnmount)try{s.componentWillUnmount()}catch(o){D.__e(o,t)}s.base=s.__P=s.__n=null}if(s=e.__k)for(l=0;l<s.length;l++)s[l]&&Ot(s[l],t,r||typeof e.type!="function");r||Ze(e.__e),e.__c=e.__=e.__e=void 0}function on(e,t,r){return this.constructor(e,r)}function ln(e,t,r){var s,l,o,d;t==document&&(t=document.documentElement),D.__&&D.__(e,t),l=(s=!1)?null:t.__k,o=[],d=[],et(t,e=t.__k=en(ne,null,[e]),l||Me,Me,t.namespaceURI,l?null:t.firstChild?Ne.call(t.childNodes):null,o,l?l.__e:t.firstChild,s,d),qt(o,e,d),e.props.children=null}Ne=Ae.slice,D={__e:function(e,t,r,s){for(var l,o,d;t=t.__;)if((l=t.__c)&&!l.__)try{if((o=l.constructor)&&o.getDerivedStateFromError!=null&&(l.setState(o.getDerivedStateFromError(e)),d=l.__d),l.componentDidCatch!=null&&(l.componentDidCatch(e,s||{}),d=l.__d),d)return l.__E=l}catch(a){e=a}throw e}},Rt=0,ye.prototype.setState=function(e,t){var r;r=this.__s!=null&&this.__s!=this.state?this.__s:this.__s=le({},this.state),typeof e=="function"&&(e=e(le({},r),this.props)),e&&le(r,e),e!=null&&this.__v&&(t&&this._sb.push(t),st(this))},ye.prototype.forceUpdate=function(e){this.__v&&(this.__e=!0,e&&this.__h.push(e),st(this))},ye.prototype.render=ne,ae=[],jt=typeof Promise=="function"?Promise.prototype.then.bind(Promise.resolve()):setTimeout,Mt=function(e,t){return e.__v.__b-t.__v.__b},Pe.__r=0,Oe=Math.random().toString(8),xe="__d"+Oe,_e="__a"+Oe,At=/(PointerCapture)$|Capture$/i,Ye=0,Ge=it(!1),We=it(!0);var an=0;function n(e,t,r,s,l,o){t||(t={});var d,a,u=t;if("ref"in u)for(a in u={},t)a=="ref"?d=t[a]:u[a]=t[a];var c={type:e,props:u,key:r,ref:d,__k:null,__:null,__b:0,__e:null,__c:null,constructor:void 0,__v:--an,__i:-1,__u:0,__source:l,__self:o};if(typeof e=="function"&&(d=e.defaultProps))for(a in d)u[a]===void 0&&(u[a]=d[a]);return D.vnode&&D.vnode(c),c}var ve,V,Le,lt,Se=0,Lt=[],F=D,at=F.__b,ct=F.__r,dt=F.diffed,ut=F.__c,ht=F.unmount,pt=F.__;function nt(e,t){F.__h&&F.__h(V,e,Se||t),Se=0;var r=V.__H||(V.__H={__:[],__h:[]});return e>=r.__.length&&r.__.push({}),r.__[e]}function v(e){return Se=1,cn(Vt,e)}function cn(e,t,r){var s=nt(ve++,2);if(s.t=e,!s.__c&&(s.__=[Vt(void 0,t),function(a){var u=s.__N?s.__N[0]:s.__[0],c=s.t(u,a);u!==c&&(s.__N=[c,s.__[1]],s.__c.setState({}))}],s.__c=V,!V.__f)){var l=function(a,u,c){if(!s.__c.__H)return!0;var h=!1,p=s.__c.props!==a;if(s.__c.__H.__.some(function(m){if(m.__N){h=!0;var f=m.__[0];m.__=m.__N,m.__N=void 0,f!==m.__[0]&&(p=!0)}}),o){var i=o.call(this,a,u,c);return h?i||p:i}return!h||p};V.__f=!0;var o=V.shouldComponentUpdate,d=V.componentWillUpdate;V.componentWillUpdate=function(a,u,c){if(this.__e){var h=o;o=void 0,l(a,u,c),o=h}d&&d.call(this,a,u,c)},V.shouldComponentUpdate=l}return s.__N||s.__}function U(e,t){var r=nt(ve++,3);!F.__s&&Ut(r.__H,t)&&(r.__=e,r.u=t,V.__H.__h.push(r))}function pe(e){return Se=5,He(function(){return{current:e}},[])}function He(e,t){var r=nt(ve++,7);return Ut(r.__H,t)&&(r.__=e(),r.__H=t,r.__h=e),r.__}function mt(e,t){return Se=8,He(function(){return e},t)}function dn(){for(var e;e=Lt.shift();){var t=e.__H;if(e.__P&&t)try{t.__h.some(Ce),t.__h.some(ze),t.__h=[]}catch(r){t.__h=[],F.__e(r,e.__v)}}}F.__b=function(e){V=null,at&&at(e)},F.__=function(e,t){e&&t.__k&&t.__k.__m&&(e.__m=t.__k.__m),pt&&pt(e,t)},F.__r=function(e){ct&&ct(e),ve=0;var t=(V=e.__c).__H;t&&(Le===V?(t.__h=[],V.__h=[],t.__.some(function(r){r.__N&&(r.__=r.__N),r.u=r.__N=void 0})):(t.__h.some(Ce),t.__h.some(ze),t.__h=[],ve=0)),Le=V},F.diffed=function(e){dt&&dt(e);var t=e.__c;t&&t.__H&&(t.__H.__h.length&&(Lt.push(t)!==1&&lt===F.requestAnimationFrame||((lt=F.requestAnimationFrame)||un)(dn)),t.__H.__.some(function(r){r.u&&(r.__H=r.u,r.u=void 0)})),Le=V=null},F.__c=function(e,t){t.some(function(r){try{r.__h.some(Ce),r.__h=r.__h.filter(function(s){return!s.__||ze(s)})}catch(s){t.some(function(l){l.__h&&(l.__h=[])}),t=[],F.__e(s,r.__v)}}),ut&&ut(e,t)},F.unmount=function(e){ht&&ht(e);var t,r=e.__c;r&&r.__H&&(r.__H.__.some(function(s){try{Ce(s)}catch(l){t=l}}),r.__H=void 0,t&&F.__e(t,r.__v))};var ft=typeof requestAnimationFrame=="function";function un(e){var t,r=function(){clearTimeout(s),ft&&cancelAnimationFrame(t),setTimeout(e)},s=setTimeout(r,35);ft&&(t=requestAnimationFrame(r))}function Ce(e){var t=V,r=e.__c;typeof r=="function"&&(e.__c=void 0,r()),V=t}function ze(e){var t=V;e.__c=e.__(),V=t}function Ut(e,t){return!e||e.length!==t.length||t.some(function(r,s){return r!==e[s]})}function Vt(e,t){return typeof t=="function"?t(e):t}function Q(e){return e===null?"null":Array.isArray(e)?"array":typeof e}function ue(e){return Q(e)==="object"}function hn(e){return Array.isArray(e)&&e.length>0&&e.every(t=>"message"in t)}function gt(e,t){return e.length<124?e:t}const pn="graphql-transport-ws";var Y=(e=>(e[e.InternalServerError=4500]="InternalServerError",e[e.InternalClientError=4005]="InternalClientError",e[e.BadRequest=4400]="BadRequest",e[e.BadResponse=4004]="BadResponse",e[e.Unauthorized=4401]="Unauthorized",e[e.Forbidden=4403]="Forbidden",e[e.SubprotocolNotAcceptable=4406]="SubprotocolNotAcceptable",e[e.ConnectionInitialisationTimeout=4408]="ConnectionInitialisationTimeout",e[e.ConnectionAcknowledgementTimeout=4504]="ConnectionAcknowledgementTimeout",e[e.SubscriberAlreadyExists=4409]="SubscriberAlreadyExists",e[e.TooManyInitialisationRequests=4429]="TooManyInitialisationRequests",e))(Y||{}),Z=(e=>(e.ConnectionInit="connection_init",e.ConnectionAck="connection_ack",e.Ping="ping",e.Pong="pong",e.Subscribe="subscribe",e.Next="next",e.Error="error",e.Complete="complete",e))(Z||{});function Ft(e){if(!ue(e))throw new Error(`Message is expected to be an object, but got ${Q(e)}`);if(!e.type)throw new Error("Message is missing the 'type' property");if(typeof e.type!="string")throw new Error(`Message is expects the 'type' property to be a string, but got ${Q(e.type)}`);switch(e.type){case"connection_init":case"connection_ack":case"ping":case"pong":{if(e.payload!=null&&!ue(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an object or nullish or missing, but got "${e.payload}"`);break}case"subscribe":{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${Q(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);if(!ue(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an object, but got ${Q(e.payload)}`);if(typeof e.payload.query!="string")throw new Error(`"${e.type}" message payload expects the 'query' property to be a string, but got ${Q(e.payload.query)}`);if(e.payload.variables!=null&&!ue(e.payload.variables))throw new Error(`"${e.type}" message payload expects the 'variables' property to be a an object or nullish or missing, but got ${Q(e.payload.variables)}`);if(e.payload.operationName!=null&&Q(e.payload.operationName)!=="string")throw new Error(`"${e.type}" message payload expects the 'operationName' property to be a string or nullish or missing, but got ${Q(e.payload.operationName)}`);if(e.payload.extensions!=null&&!ue(e.payload.extensions))throw new Error(`"${e.type}" message payload expects the 'extensions' property to be a an object or nullish or missing, but got ${Q(e.payload.extensions)}`);break}case"next":{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${Q(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);if(!ue(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an object, but got ${Q(e.payload)}`);break}case"error":{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${Q(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);if(!hn(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an array of GraphQL errors, but got ${JSON.stringify(e.payload)}`);break}case"complete":{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${Q(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);break}default:throw new Error(`Invalid message 'type' property "${e.type}"`)}return e}function mn(e,t){return Ft(typeof e=="string"?JSON.parse(e,t):e)}function fe(e,t){return Ft(e),JSON.stringify(e,t)}function fn(e){const{url:t,connectionParams:r,lazy:s=!0,onNonLazyError:l=console.error,lazyCloseTimeout:o=0,keepAlive:d=0,disablePong:a,connectionAckWaitTimeout:u=0,retryAttempts:c=5,retryWait:h=async function(C){const x=Math.pow(2,C);await new Promise(A=>setTimeout(A,x*1e3+Math.floor(Math.random()*2700+300)))},shouldRetry:p=Ue,on:i,webSocketImpl:m,generateID:f=function(){return"xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx".replace(/[xy]/g,C=>{const x=Math.random()*16|0;return(C=="x"?x:x&3|8).toString(16)})},jsonMessageReplacer:w,jsonMessageReviver:_}=e;let g;if(m){if(!_n(m))throw new Error("Invalid WebSocket implementation provided");g=m}else typeof WebSocket<"u"?g=WebSocket:typeof global<"u"?g=global.WebSocket||global.MozWebSocket:typeof window<"u"&&(g=window.WebSocket||window.MozWebSocket);if(!g)throw new Error("WebSocket implementation missing; on Node you can `import WebSocket from 'ws';` and pass `webSocketImpl: WebSocket` to `createClient`");const y=g,I=(()=>{const E=(()=>{const x={};return{on(A,H){return x[A]=H,()=>{delete x[A]}},emit(A){"id"in A&&x[A.id]?.(A)}}})(),C={connecting:i?.connecting?[i.connecting]:[],opened:i?.opened?[i.opened]:[],connected:i?.connected?[i.connected]:[],ping:i?.ping?[i.ping]:[],pong:i?.pong?[i.pong]:[],message:i?.message?[E.emit,i.message]:[E.emit],closed:i?.closed?[i.closed]:[],error:i?.error?[i.error]:[]};return{onMessage:E.on,on(x,A){const H=C[x];return H.push(A),()=>{const O=H.indexOf(A);O>-1&&H.splice(O,1)}},emit(x,...A){for(const H of[...C[x]])H(...A)}}})();function $(E){const C=[I.on("error",x=>{C.forEach(A=>A()),E(x)}),I.on("closed",x=>{C.forEach(A=>A()),E(x)})];return()=>C.forEach(x=>x())}let T,P=0,z,J=!1,X=0,L=!1;async function G(){clearTimeout(z);const[E,C]=await(T??(T=new Promise((H,O)=>(async()=>{if(J){if(await h(X),!P)return T=void 0,O({code:1e3,reason:"All Subscriptions Gone"});X++}I.emit("connecting",J);const M=new y(typeof t=="function"?await t():t,pn);let ee,te;function re(){isFinite(d)&&d>0&&(clearTimeout(te),te=setTimeout(()=>{M.readyState===y.OPEN&&(M.send(fe({type:Z.Ping})),I.emit("ping",!1,void 0))},d))}$(b=>{T=void 0,clearTimeout(ee),clearTimeout(te),O(b),b instanceof _t&&(M.close(4499,"Terminated"),M.onerror=null,M.onclose=null)}),M.onerror=b=>I.emit("error",b),M.onclose=b=>I.emit("closed",b),M.onopen=async()=>{try{I.emit("opened",M);const b=typeof r=="function"?await r():r;if(M.readyState!==y.OPEN)return;M.send(fe(b?{type:Z.ConnectionInit,payload:b}:{type:Z.ConnectionInit},w)),isFinite(u)&&u>0&&(ee=setTimeout(()=>{M.close(Y.ConnectionAcknowledgementTimeout,"Connection acknowledgement timeout")},u)),re()}catch(b){I.emit("error",b),M.close(Y.InternalClientError,gt(b instanceof Error?b.message:String(b),"Internal client error"))}};let se=!1;M.onmessage=({data:b})=>{try{const k=mn(b,_);if(I.emit("message",k),k.type==="ping"||k.type==="pong"){I.emit(k.type,!0,k.payload),k.type==="pong"?re():a||(M.send(fe(k.payload?{type:Z.Pong,payload:k.payload}:{type:Z.Pong},w)),I.emit("pong",!1,k.payload));return}if(se)return;if(k.type!==Z.ConnectionAck)throw new Error(`First message cannot be of type ${k.type}`);clearTimeout(ee),se=!0,I.emit("connected",M,k.payload,J),J=!1,X=0;const R=new Promise((q,B)=>$(B));R.catch(()=>{}),H([M,R])}catch(k){M.onmessage=null,I.emit("error",k),M.close(Y.BadResponse,gt(k instanceof Error?k.message:String(k),"Bad response"))}}})())));E.readyState===y.CLOSING&&await C;let x=()=>{};const A=new Promise(H=>x=H);return[E,x,new Promise((H,O)=>{const M=$(O);E.readyState!==y.OPEN&&C.catch(O),A.then(()=>{if(M(),!P){const ee=()=>E.close(1e3,"Normal Closure");isFinite(o)&&o>0?(clearTimeout(z),z=setTimeout(()=>{!P&&E.readyState===y.OPEN&&ee()},o)):ee()}H()})})]}function de(E){if(Ue(E)&&(gn(E.code)||[Y.InternalServerError,Y.InternalClientError,Y.BadRequest,Y.BadResponse,Y.Unauthorized,Y.SubprotocolNotAcceptable,Y.SubscriberAlreadyExists,Y.TooManyInitialisationRequests].includes(E.code)))throw E;if(L)return!1;if(Ue(E)&&E.code===1e3)return P>0;if(!c||X>=c||!p(E))throw E;return J=!0}s||(async()=>{for(P++;;)try{const[,,E]=await G();await E}catch(E){try{if(!de(E))return}catch(C){return l?.(C)}}})();function S(E,C){const x=f(E);let A=!1,H=!1,O=()=>{P--,A=!0};return(async()=>{for(P++;;)try{const[M,ee,te]=await G();if(A)return te.catch(()=>{}),ee();const re=I.onMessage(x,se=>{switch(se.type){case Z.Next:{C.next(se.payload);return}case Z.Error:{H=!0,A=!0,C.error(se.payload),O();return}case Z.Complete:{A=!0,O();return}}});M.send(fe({id:x,type:Z.Subscribe,payload:E},w)),O=()=>{!A&&M.readyState===y.OPEN&&M.send(fe({id:x,type:Z.Complete},w)),P--,A=!0,ee()},await te.finally(re);return}catch(M){if(!de(M))return}})().then(()=>{H||C.complete()}).catch(M=>{C.error(M)}),()=>{A||O()}}return{on:I.on,subscribe:S,iterate(E){const C=[],x={done:!1,error:null,resolve:()=>{}},A=S(E,{next(O){C.push(O),x.resolve()},error(O){x.done=!0,x.error=O,x.resolve()},complete(){x.done=!0,x.resolve()}}),H=(async function*(){for(;;){for(C.length||await new Promise(M=>x.resolve=M);C.length;)yield C.shift();if(x.error)throw x.error;if(x.done)return}})();return H.throw=async O=>(x.done||(x.done=!0,x.error=O,x.resolve()),{done:!0,value:void 0}),H.return=async()=>(A(),{done:!0,value:void 0}),H},async dispose(){if(L=!0,T){const[E]=await T;E.close(1e3,"Normal Closure")}},terminate(){T&&I.emit("closed",new _t)}}}class _t extends Error{name="TerminatedCloseEvent";message="4499: Terminated";code=4499;reason="Terminated";wasClean=!1}function Ue(e){return ue(e)&&"code"in e&&"reason"in e}function gn(e){return[1e3,1001,1006,1005,1012,1013,1014].includes(e)?!1:e>=1e3&&e<=1999}function _n(e){return typeof e=="function"&&"constructor"in e&&"CLOSED"in e&&"CLOSING"in e&&"CONNECTING"in e&&"OPEN"in e}let ce=null;async function yn(){const e=await fetch("/api/session",{headers:{Accept:"application/json"}});if(!e.ok)return ce=null,null;const t=await e.json();return ce={user:t.user,admin:t.admin,csrfToken:t.csrf_token},ce}async function bn(){const e={Accept:"application/json"};ce&&(e["X-CSRF-Token"]=ce.csrfToken),await fetch("/logout",{method:"POST",headers:e}),ce=null}function $e(e=location.pathname+location.search){return"/login?next="+encodeURIComponent(e)}class be extends Error{errors;constructor(t){super(t.map(r=>r.message).join("; ")||"request failed"),this.errors=t}has(t){return this.errors.some(r=>r.code===t)}}async function N(e,t,r){const s={"Content-Type":"application/json",Accept:"application/json"};ce&&(s["X-CSRF-Token"]=ce.csrfToken);const l={method:"POST",headers:s,body:JSON.stringify({query:e.toString(),variables:t}),credentials:"same-origin"},o=await fetch("/graphql",l);let d;try{d=await o.json()}catch{throw new be([{message:`HTTP ${o.status}`,code:o.status===401?"UNAUTHENTICATED":null}])}if(d.errors?.length)throw new be(d.errors.map(a=>({message:a.message,code:a.extensions?.code??null})));if(d.data==null)throw new be([{message:`HTTP ${o.status}`,code:null}]);return d.data}let Ve=null;function wn(){if(!Ve){const e=location.protocol==="https:"?"wss:":"ws:";Ve=fn({url:`${e}//${location.host}/graphql`,lazy:!0,retryAttempts:1/0,shouldRetry:()=>!0,retryWait:async t=>{await new Promise(r=>setTimeout(r,Math.min(1e3*2**t,15e3)))}})}return Ve}function Je(e,t,r,s){return wn().subscribe({query:e.toString(),variables:t},{next:l=>{l.data&&r(l.data)},error:l=>s?.(l),complete:()=>{}})}const Xe=new Set;function Gt(){for(const e of Xe)e()}window.addEventListener("popstate",Gt);function Qe(e,t=!1){e!==location.pathname+location.search&&(t?history.replaceState(null,"",e):history.pushState(null,"",e),Gt())}function vn(){const[,e]=v(0);return U(()=>{const t=()=>e(r=>r+1);return Xe.add(t),()=>{Xe.delete(t)}},[]),{path:location.pathname,query:new URLSearchParams(location.search)}}const Sn=["/graphql","/login","/logout","/api/"];function $n(e){e.addEventListener("click",t=>{if(t.defaultPrevented||t.button!==0||t.metaKey||t.ctrlKey||t.shiftKey||t.altKey)return;const s=t.target?.closest("a");if(!s||s.target||s.hasAttribute("download"))return;const l=new URL(s.href,location.href);l.origin===location.origin&&(Sn.some(o=>l.pathname===o||l.pathname.startsWith(o))||(t.preventDefault(),Qe(l.pathname+l.search)))})}function qe(e){return"/projects/"+encodeURIComponent(e)}function oe(e){if(!e)return"—";const t=new Date(e);return Number.isNaN(t.getTime())?e:t.toISOString().slice(0,16).replace("T"," ")+" UTC"}function yt(e,t=Date.now()){if(!e)return"never";const r=Math.round((t-new Date(e).getTime())/1e3);return r<60?`${Math.max(r,0)} s ago`:r<3600?`${Math.round(r/60)} min ago`:r<86400?`${Math.round(r/3600)} h ago`:`${Math.round(r/86400)} d ago`}function Be(e){if(e==null)return"";if(typeof e=="number"){if(Number.isInteger(e))return String(e);const t=Math.abs(e);return t!==0&&(t<.001||t>=1e6)?e.toExponential(3):String(Number(e.toPrecision(5)))}return typeof e=="string"?e:typeof e=="boolean"?e?"true":"false":JSON.stringify(e)}function Ke(e){const t=Be(e);return e>0?"+"+t:t}function Te(e){return e.split(":").slice(2).join(":")||e}class j extends String{__apiType;value;__meta__;constructor(t,r){super(t),this.value=t,this.__meta__=r}toString(){return this.value}}new j(`
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
    `,{fragmentName:"ViewFields"});const kn=new j(`
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
    `),In=new j(`
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
    `),xn=new j(`
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
    `),En=new j(`
    query ModelPage($project: String!, $model: String!) {
  project(name: $project) {
    id
    name
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
}`),Cn=new j(`
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
}`),Tn=new j(`
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
}`),Rn=new j(`
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
}`),jn=new j(`
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
}`),Mn=new j(`
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
    `),An=new j(`
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
    `),Pn=new j(`
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
    `),Nn=new j(`
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
    `),Dn=new j(`
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
    `),Hn=new j(`
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
    `),qn=new j(`
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
    `),Bn=new j(`
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
}`),On=new j(`
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
    `),Ln=new j(`
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
}`),Un=new j(`
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
}`),Vn=new j(`
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
}`),Fn=new j(`
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
    `),Gn=new j(`
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
    `),Wn=new j(`
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
}`),zn=new j(`
    mutation DeleteView($input: DeleteViewInput!) {
  deleteView(input: $input) {
    deletedId
    errors {
      code
      message
    }
  }
}
    `);new j(`
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
    `);const Jn=new j(`
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
}`),Xn=new j(`
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
}`),Qn=new j(`
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
    `),Kn=new j(`
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
    `),Yn=new j(`
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
    `),Zn=new j(`
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
    `);function me(e){U(()=>{document.title=e?`${e} · gitstudio`:"gitstudio"},[e])}function er(){return me("Not found"),n("section",{children:[n("h1",{children:"Not found"}),n("p",{children:["No page here. ",n("a",{href:"/",children:"All projects"})]})]})}function Wt(e){return n("div",{class:"notice",role:"alert","data-testid":"sign-in-needed",children:e.signedIn?n("p",{children:[e.what," does not exist or you may not read it."]}):n("p",{children:[e.what," is not public. ",n("a",{href:$e(),children:"Sign in"})," to see it."]})})}function ke(e){const t=e.error instanceof Error?e.error.message:String(e.error);return n("div",{class:"notice error",role:"alert",children:n("p",{children:t})})}const tr=15e3;function nr(e){me("Projects");const[t,r]=v(null),[s,l]=v(0),[o,d]=v(null),[a,u]=v(null);return U(()=>{let c=!1;const h=async()=>{try{const i=[];let m=null,f=0,w=!1;for(let _=0;_<20;_++){const g=await N(An,{after:m});if(i.push(...g.projects.nodes),f=g.projects.totalCount,w=g.projects.pageInfo.hasNextPage,m=g.projects.pageInfo.endCursor,!w)break}if(c)return;r(i),l(f),d(w?m:null),u(null)}catch(i){c||u(i)}};h();const p=setInterval(()=>{h()},tr);return()=>{c=!0,clearInterval(p)}},[]),n("section",{"aria-labelledby":"projects-title",children:[n("h1",{id:"projects-title",children:"Projects"}),a?n(ke,{error:a}):null,e.session?null:n("p",{class:"muted",children:["Signed out: only public projects are listed. ",n("a",{href:$e("/"),children:"Sign in"})," to see yours."]}),t===null?n("p",{class:"muted",children:"Loading projects…"}):t.length===0?n("p",{children:"No projects yet. Add one with the createProject mutation or `gitstudio project add`."}):n(ne,{children:[n("table",{class:"projects","data-testid":"projects",children:[n("caption",{class:"sr-only",children:[s," projects"]}),n("thead",{children:n("tr",{children:[n("th",{scope:"col",children:"Project"}),n("th",{scope:"col",children:"Last sync"}),n("th",{scope:"col",children:"State"}),n("th",{scope:"col",class:"num",children:"Commits"}),n("th",{scope:"col",class:"num",children:"Rows"}),n("th",{scope:"col",children:"Running live experiments"})]})}),n("tbody",{children:t.map(c=>n("tr",{"data-testid":"project","data-project":c.name,children:[n("th",{scope:"row",children:[n("a",{href:qe(c.name),children:c.name}),n("div",{class:"muted small",title:c.repoUrl,children:[c.visibility.toLowerCase()," · ",c.defaultBranch??"no default branch"]})]}),n("td",{title:oe(c.lastSyncedAt),children:yt(c.lastSyncedAt)}),n("td",{children:[n("span",{class:`badge sync-${c.syncState.toLowerCase()}`,children:c.syncState.toLowerCase()}),c.lastSyncError?n("div",{class:"sync-error","data-testid":"sync-error",children:c.lastSyncError}):null]}),n("td",{class:"num",children:c.commits.totalCount}),n("td",{class:"num","data-testid":"row-count",children:c.rows.totalCount}),n("td",{"data-testid":"running",children:c.running.totalCount===0?n("span",{class:"muted",children:"none"}):n("ul",{class:"running",children:[c.running.nodes.map(h=>n("li",{children:[n("span",{class:"live-dot","aria-hidden":"true"}),h.name??h.id," · step ",h.lastStep??0," · ",yt(h.lastEventAt)]},h.id)),c.running.totalCount>c.running.nodes.length?n("li",{class:"muted",children:["and ",c.running.totalCount-c.running.nodes.length," more"]}):null]})})]},c.id))})]}),o?n("p",{class:"muted",children:["Showing the first ",t.length," of ",s," projects."]}):null]})]})}const rr=(function(){const t=typeof document<"u"&&document.createElement("link").relList;return t&&t.supports&&t.supports("modulepreload")?"modulepreload":"preload"})(),sr=function(e){return"/"+e},bt={},wt=function(t,r,s){let l=Promise.resolve();if(r&&r.length>0){let c=function(h){return Promise.all(h.map(p=>Promise.resolve(p).then(i=>({status:"fulfilled",value:i}),i=>({status:"rejected",reason:i}))))};var d=c;document.getElementsByTagName("link");const a=document.querySelector("meta[property=csp-nonce]"),u=a?.nonce||a?.getAttribute("nonce");l=c(r.map(h=>{if(h=sr(h),h in bt)return;bt[h]=!0;const p=h.endsWith(".css"),i=p?'[rel="stylesheet"]':"";if(document.querySelector(`link[href="${h}"]${i}`))return;const m=document.createElement("link");if(m.rel=p?"stylesheet":rr,p||(m.as="script"),m.crossOrigin="",m.href=h,u&&m.setAttribute("nonce",u),document.head.appendChild(m),p)return new Promise((f,w)=>{m.addEventListener("load",f),m.addEventListener("error",()=>w(new Error(`Unable to preload CSS for ${h}`)))})}))}function o(a){const u=new Event("vite:preloadError",{cancelable:!0});if(u.payload=a,window.dispatchEvent(u),!u.defaultPrevented)throw a}return l.then(a=>{for(const u of a||[])u.status==="rejected"&&o(u.reason);return t().catch(o)})};async function zt(e,t){const[{default:r},{expressionInterpreter:s}]=await Promise.all([wt(()=>import("./embed-ji_c-7H5.js"),__vite__mapDeps([0,1])),wt(()=>import("./vega-interpreter-BmnYaw1U.js").then(o=>o.v),[])]),l=await r(e,t,{ast:!0,expr:s,actions:!1,defaultStyle:!1,renderer:"canvas",tooltip:{disableDefaultStyle:!0}});return{finalize:()=>l.finalize(),insert:async(o,d)=>{await l.view.insert(o,d).runAsync()}}}function or(e,t){return{$schema:"https://vega.github.io/schema/vega-lite/v6.json",title:e,width:360,height:200,data:{name:"points",values:t},mark:{type:"line",point:!0,tooltip:!0},encoding:{x:{field:"step",type:"quantitative",title:"step"},y:{field:"value",type:"quantitative",title:e,scale:{zero:!1}},color:{field:"rev",type:"nominal",title:"row"}}}}const ir=12,lr=500;function ar(e){const t=[...new Set(e.rows.flatMap(d=>d.metricNames))].sort().slice(0,ir),r=pe(new Map),s=e.rows.map(d=>d.id).join(","),[l,o]=v(0);return U(()=>{if(l<t.length||t.length===0)return;const d=[];for(const a of e.rows.filter(u=>u.live)){let u=-1;for(const c of r.current.values())u=Math.max(u,c.lastStep(a.label));d.push(Je(xn,{projectId:e.projectId,experimentId:a.id,sinceStep:u>=0?u:null},c=>{const h=c.liveMetrics;if(!(h.type!=="DATA"||h.step===null||typeof h.metrics!="object"||!h.metrics))for(const[p,i]of Object.entries(h.metrics))typeof i=="number"&&r.current.get(p)?.append({rev:a.label,step:h.step,value:i})}))}return()=>{for(const a of d)a()}},[s,l,t.length,e.projectId]),t.length===0?null:n("div",{class:"plots","data-testid":"metric-charts",children:t.map(d=>n(cr,{name:d,rows:e.rows.filter(a=>a.metricNames.includes(d)),register:a=>{r.current.set(d,a),o(u=>u+1)}},`${s}:${d}`))})}function cr(e){const t=pe(null),[r,s]=v(0),[l,o]=v(null);return U(()=>{const d=t.current;if(!d)return;const a={stopped:!1},u=()=>a.stopped;let c=null;const h=new Map;let p=0;return(async()=>{const f=(await Promise.all(e.rows.map(async w=>{const g=(await N(In,{id:w.id,name:e.name,maxPoints:lr})).node,y=g&&"metricHistory"in g?g.metricHistory:null,I=[];return y&&y.steps.forEach(($,T)=>{const P=y.values[T];typeof P=="number"&&I.push({rev:w.label,step:$,value:P})}),I}))).flat();for(const w of f)h.set(w.rev,Math.max(h.get(w.rev)??-1,w.step));if(!u()){if(c=await zt(d,or(e.name,f)),u()){c.finalize();return}p=f.length,s(p),e.register({lastStep:w=>h.get(w)??-1,append:w=>{(h.get(w.rev)??-1)>=w.step||(h.set(w.rev,w.step),p+=1,s(p),c?.insert("points",[w]))}})}})().catch(m=>o(m instanceof Error?m.message:String(m))),()=>{a.stopped=!0,c?.finalize()}},[]),n("figure",{class:"plot","data-testid":"metric-chart","data-metric":e.name,"data-points":r,children:[n("figcaption",{children:e.name}),n("div",{ref:t,class:"chart"}),l?n("p",{class:"sync-error",children:l}):null]})}function dr(e){const[t,r]=v(null),[s,l]=v(null),[o,d]=v(!0),a=e.ids.join(",");U(()=>{let h=!1;return r(null),N(kn,{projectId:e.projectId,ids:e.ids,baseline:e.baselineId}).then(p=>{const i=p.node;!h&&i&&"compare"in i&&r(i.compare)}).catch(p=>{h||l(p instanceof Error?p.message:String(p))}),()=>{h=!0}},[e.projectId,a,e.baselineId]);const u=new Set(t?.differing??[]),c=t?t.rows.filter(h=>!o||u.has(h.column)):[];return n("section",{class:"compare","aria-labelledby":"compare-title","data-testid":"compare-panel",children:[n("div",{class:"compare-head",children:[n("h2",{id:"compare-title",children:["Compare ",e.ids.length," rows"]}),n("label",{children:[n("input",{type:"checkbox",checked:o,onChange:h=>d(h.currentTarget.checked)})," only columns that differ"]}),n("button",{type:"button",onClick:e.onClose,children:"Close compare"})]}),s?n("p",{class:"sync-error",children:s}):null,!t&&!s?n("p",{class:"muted",children:"Loading…"}):null,t?n(ne,{children:[n("div",{class:"compare-table-wrap",children:n("table",{class:"compare-table",children:[n("thead",{children:n("tr",{children:[n("th",{scope:"col",children:"Column"}),t.experiments.map(h=>n("th",{scope:"col",children:h.name??h.sha?.slice(0,7)??h.id},h.id))]})}),n("tbody",{children:c.map(h=>n("tr",{children:[n("th",{scope:"row",title:h.column,children:h.column}),h.values.map((p,i)=>{const m=h.deltas[i],f=h.better[i];return n("td",{class:`num ${f===!0?"better":f===!1?"worse":""}`,children:[Be(p),m!=null&&m!==0?n("span",{class:"delta",children:[" (",Ke(m),")"]}):null]},i)})]},h.column))})]})}),n(ar,{projectId:e.projectId,rows:t.experiments.map(h=>({id:h.id,label:h.name??h.sha?.slice(0,7)??h.id,live:h.kind==="LIVE"&&(h.status==="RUNNING"||h.status==="QUEUED"),metricNames:h.metricNames}))}),n("div",{class:"plots","data-testid":"plots",children:[t.plots.map(h=>n(ur,{plot:h},h.id)),t.plots.length===0?n("p",{class:"muted",children:"These rows have no plots."}):null]}),t.plotErrors.length?n("ul",{class:"plot-errors",children:t.plotErrors.map((h,p)=>n("li",{class:"sync-error",children:[h.revision,": ",h.plot??"all plots",": ",h.message]},p))}):null]}):null]})}function ur(e){const{plot:t}=e;return t.kind==="IMAGE"?n(hr,{plot:t}):n("figure",{class:"plot","data-testid":"plot","data-plot":t.id,children:[n("figcaption",{children:t.id}),n(Jt,{spec:t.spec})]})}function hr(e){const{plot:t}=e,r=[...new Set(t.images.map(u=>u.step).filter(u=>u!==null))].sort((u,c)=>u-c),[s,l]=v(r.length-1),o=r[Math.min(Math.max(s,0),r.length-1)],a=[...new Set(t.images.map(u=>u.revision))].map(u=>{const c=t.images.filter(p=>p.revision===u);if(o===void 0)return c[c.length-1];const h=c.filter(p=>p.step===null||p.step<=o);return h[h.length-1]??c[0]}).filter(u=>u!==void 0);return n("figure",{class:"plot","data-testid":"plot","data-plot":t.id,children:[n("figcaption",{children:t.id}),r.length>1?n("label",{class:"step-slider",children:["Step ",o,n("input",{type:"range",min:0,max:r.length-1,value:s,onInput:u=>l(Number(u.currentTarget.value)),"data-testid":"step-slider"})]}):null,n("div",{class:"images",children:a.map(u=>n("img",{src:u.url,alt:`${t.id} of ${u.revision}${u.step!==null?` at step ${u.step}`:""}`,loading:"lazy"},u.url))})]})}function Jt(e){const t=pe(null),[r,s]=v("loading");return U(()=>{const l=t.current;if(!l||e.spec==null)return;let o=null,d=!1;return zt(l,e.spec).then(a=>{d?a.finalize():(o=a,s("ready"))}).catch(a=>s(a instanceof Error?a.message:String(a))),()=>{d=!0,o?.finalize()}},[e.spec]),n("div",{class:"chart-wrap","data-state":r==="loading"||r==="ready"?r:"error",children:[n("div",{ref:t,class:"chart","data-testid":"chart"}),r!=="loading"&&r!=="ready"?n("p",{class:"sync-error",children:r}):null]})}const pr=[{op:"EQ",label:"="},{op:"NE",label:"≠"},{op:"GT",label:">"},{op:"GTE",label:"≥"},{op:"LT",label:"<"},{op:"LTE",label:"≤"},{op:"CONTAINS",label:"contains"},{op:"EXISTS",label:"exists"}],mr=[{field:"BRANCH",label:"Branch"},{field:"AUTHOR",label:"Author"},{field:"MESSAGE",label:"Message"},{field:"COMMITTED_AT",label:"Created"}],fr={branch:"",onBranch:"",tag:"",detached:"",author:"",message:""};function Xt(e){const t=e.filter(s=>s.kind==="METRIC").map(s=>s.id),r=e.filter(s=>s.kind==="PARAM").map(s=>s.id);return t.length+r.length<=40?[...t,...r]:[...t.slice(0,20),...r.slice(0,20)]}function vt(e){return{columns:Xt(e.columns),sort:null,git:{...fr},conditions:[],showHidden:!1,groupByBranch:!0,baselineId:null,baseline:null,deltas:!1,viewGoals:{},view:null}}function we(e){const t={},r=e.git;r.branch&&(t.branch=r.branch),r.onBranch&&(t.onBranch=r.onBranch),r.tag&&(t.tag=r.tag),r.detached&&(t.detached=r.detached==="only"),r.author.trim()&&(t.author=r.author.trim()),r.message.trim()&&(t.message=r.message.trim());const s=e.conditions.filter(l=>l.column);return s.length&&(t.columns=s),e.showHidden&&(t.includeHidden=!0),t}function Re(e){return e?e.key.startsWith("field:")?[{field:e.key.slice(6),direction:e.direction}]:[{column:e.key,direction:e.direction}]:null}function St(e){return(e.sort===null||e.sort.key==="field:COMMITTED_AT")&&e.conditions.length===0&&!e.git.author.trim()&&!e.git.message.trim()}function ge(e){return typeof e=="string"?e:""}function $t(e,t,r,s=[]){const l=new Set(t.columns.map(i=>i.id)),o=e.filter??{},a=(Array.isArray(e.order)?e.order:[])[0];let u=null;if(a){const i=a.direction==="ASC"?"ASC":"DESC";typeof a.column=="string"&&a.column?u={key:a.column,direction:i}:typeof a.field=="string"&&a.field&&(u={key:"field:"+a.field,direction:i})}const c=o.detached===!0?"only":o.detached===!1?"none":"",h={};for(const i of s)i.goal&&(h[i.column]=i.goal);const p=e.columns.filter(i=>l.has(i));return{...r,columns:p.length?p:Xt(t.columns),sort:u,git:{branch:ge(o.branch),onBranch:ge(o.onBranch),tag:ge(o.tag),detached:c,author:ge(o.author),message:ge(o.message)},conditions:Array.isArray(o.columns)?o.columns:[],showHidden:e.includeHidden,baselineId:e.baseline?.id??null,baseline:null,deltas:r.deltas&&e.baseline!==null,viewGoals:h,view:e.name}}function gr(e,t){const r=new Map;for(const s of e.columnGoals)s.goal&&r.set(s.column,s.goal);for(const[s,l]of Object.entries(t.viewGoals))r.set(s,l);return r}function Qt(e){const t=e.trim();if(t==="")return null;try{return JSON.parse(t)}catch{return t}}function _r(e,t){const r=new URLSearchParams;r.set("filter",JSON.stringify(we(t)));const s=Re(t.sort);s&&r.set("orderBy",JSON.stringify(s));for(const l of t.columns)r.append("columns",l);return`/api/projects/${e}/experiments.csv?${r.toString()}`}function yr(e){const{project:t,state:r,update:s}=e,l=c=>s({git:{...r.git,...c}}),o=t.branches.filter(c=>r.showHidden||!c.hidden),d=r.conditions,a=(c,h)=>s({conditions:d.map((p,i)=>i===c?{...p,...h}:p)}),u=d.length+Object.values(r.git).filter(c=>c!=="").length;return n("details",{class:"panel","data-testid":"filters",children:[n("summary",{children:["Filters",u?` (${u})`:""]}),n("div",{class:"panel-body",children:[n("fieldset",{children:[n("legend",{children:"Git"}),n("label",{children:["Branch",n("select",{value:r.git.branch,onChange:c=>l({branch:c.currentTarget.value}),"data-testid":"filter-branch",children:[n("option",{value:"",children:"any"}),o.map(c=>n("option",{value:c.name,children:c.name},c.name))]})]}),n("label",{children:["Commits on branch",n("select",{value:r.git.onBranch,onChange:c=>l({onBranch:c.currentTarget.value}),children:[n("option",{value:"",children:"any"}),o.map(c=>n("option",{value:c.name,children:c.name},c.name))]})]}),n("label",{children:["Tag",n("select",{value:r.git.tag,onChange:c=>l({tag:c.currentTarget.value}),children:[n("option",{value:"",children:"any"}),t.tags.map(c=>n("option",{value:c.name,children:c.name},c.name))]})]}),n("label",{children:["Detached",n("select",{value:r.git.detached,onChange:c=>l({detached:c.currentTarget.value}),children:[n("option",{value:"",children:"shown"}),n("option",{value:"only",children:"only"}),n("option",{value:"none",children:"left out"})]})]}),n("label",{children:["Author",n("input",{type:"search",value:r.git.author,onChange:c=>l({author:c.currentTarget.value})})]}),n("label",{children:["Message",n("input",{type:"search",value:r.git.message,onChange:c=>l({message:c.currentTarget.value})})]})]}),n("fieldset",{children:[n("legend",{children:"Values"}),d.map((c,h)=>n("div",{class:"condition","data-testid":"condition",children:[n("label",{children:[n("span",{class:"sr-only",children:["Column of condition ",h+1]}),n("select",{value:c.column,onChange:p=>a(h,{column:p.currentTarget.value}),children:t.columns.map(p=>n("option",{value:p.id,children:p.id},p.id))})]}),n("label",{children:[n("span",{class:"sr-only",children:["Operator of condition ",h+1]}),n("select",{value:c.op,onChange:p=>a(h,{op:p.currentTarget.value}),children:pr.map(p=>n("option",{value:p.op,children:p.label},p.op))})]}),c.op!=="EXISTS"?n("label",{children:[n("span",{class:"sr-only",children:["Value of condition ",h+1]}),n("input",{type:"text",value:c.value===null||c.value===void 0?"":typeof c.value=="string"?c.value:JSON.stringify(c.value),onChange:p=>a(h,{value:Qt(p.currentTarget.value)})})]}):null,n("button",{type:"button","aria-label":`Remove condition ${h+1}`,onClick:()=>s({conditions:d.filter((p,i)=>i!==h)}),children:"✕"})]},h)),n("button",{type:"button",disabled:t.columns.length===0,onClick:()=>{const c=t.columns.find(h=>h.kind==="METRIC")??t.columns[0];c&&s({conditions:[...d,{column:c.id,op:"GT",value:null}]})},children:"Add condition"})]}),u?n("button",{type:"button",onClick:()=>s({conditions:[],git:{branch:"",onBranch:"",tag:"",detached:"",author:"",message:""}}),children:"Clear filters"}):null]})]})}function br(e){const{project:t,state:r,update:s}=e,[l,o]=v(""),d=new Set(r.columns),a=new Map(t.columnGoals.map(f=>[f.column,f.goal])),u=(f,w)=>{const _=[...r.columns],g=_.indexOf(f),y=g+w;g<0||y<0||y>=_.length||([_[g],_[y]]=[_[y],_[g]],s({columns:_}))},c=(f,w)=>s({columns:w?[...r.columns,f]:r.columns.filter(_=>_!==f)}),h=(f,w)=>{const _={};for(const[g,y]of Object.entries(r.viewGoals))g!==f&&(_[g]=y);(w==="HIGHER"||w==="LOWER")&&(_[f]=w),s({viewGoals:_})},p=l.trim().toLowerCase(),i=new Map(t.columns.map(f=>[f.id,f])),m=[...r.columns.map(f=>i.get(f)).filter(f=>f!==void 0),...t.columns.filter(f=>!d.has(f.id))].filter(f=>!p||f.id.toLowerCase().includes(p));return n("details",{class:"panel","data-testid":"columns-chooser",children:[n("summary",{children:["Columns (",r.columns.length,"/",t.columns.length,")"]}),n("div",{class:"panel-body columns-body",children:[n("div",{class:"row-controls",children:[n("label",{children:["Find",n("input",{type:"search",value:l,onInput:f=>o(f.currentTarget.value)})]}),n("button",{type:"button",onClick:()=>s({columns:t.columns.map(f=>f.id)}),children:"Show all"}),n("button",{type:"button",onClick:()=>s({columns:[]}),children:"Hide all"})]}),n("ul",{class:"columns-list",children:m.map(f=>{const w=d.has(f.id),_=r.viewGoals[f.id]??"";return n("li",{"data-testid":"column-option","data-column":f.id,children:[n("label",{class:"grow",children:[n("input",{type:"checkbox",checked:w,onChange:g=>c(f.id,g.currentTarget.checked)}),n("span",{class:`kind kind-${f.kind.toLowerCase()}`,children:f.kind==="METRIC"?"M":"P"})," ",f.id]}),n("label",{children:[n("span",{class:"sr-only",children:["Goal of ",f.id]}),n("select",{value:_,onChange:g=>h(f.id,g.currentTarget.value),children:[n("option",{value:"",children:a.get(f.id)?`project: ${(a.get(f.id)??"").toLowerCase()}`:"no goal"}),n("option",{value:"HIGHER",children:"higher is better"}),n("option",{value:"LOWER",children:"lower is better"})]})]}),n("button",{type:"button",disabled:!w,"aria-label":`Move ${f.id} left`,onClick:()=>u(f.id,-1),children:"↑"}),n("button",{type:"button",disabled:!w,"aria-label":`Move ${f.id} right`,onClick:()=>u(f.id,1),children:"↓"})]},f.id)})})]})]})}function wr(e){const[t,r]=v(""),[s,l]=v(!1),[o,d]=v(null),a=e.views.find(u=>u.name===e.current)??null;return n("div",{class:"views","data-testid":"views",children:[n("label",{children:["View",n("select",{value:e.current??"","data-testid":"view-select",onChange:u=>e.pick(u.currentTarget.value||null),children:[n("option",{value:"",children:"(none)"}),e.views.map(u=>n("option",{value:u.name,children:[u.name,u.shared?" (shared)":""]},u.id))]})]}),a?n("button",{type:"button",onClick:()=>{e.remove(a).then(d)},children:"Delete view"}):null,e.signedIn?n("form",{class:"save-view",onSubmit:u=>{u.preventDefault();const c=t.trim()||e.current||"";if(!c){d("Name the view");return}e.save(c,s).then(h=>{d(h??`Saved “${c}”`),h||r("")})},children:[n("label",{children:["Save as",n("input",{type:"text",value:t,placeholder:e.current??"view name",onInput:u=>r(u.currentTarget.value),"data-testid":"view-name"})]}),n("label",{children:[n("input",{type:"checkbox",checked:s,onChange:u=>l(u.currentTarget.checked)})," shared"]}),n("button",{type:"submit",children:"Save view"})]}):null,o?n("span",{class:"muted",role:"status",children:o}):null]})}function vr(e){const t=[];if(typeof e!="object"||e===null)return t;for(const[r,s]of Object.entries(e)){const l=typeof s=="object"&&s!==null&&"data"in s?s.data:s,o=(d,a)=>{if(typeof d=="object"&&d!==null&&!Array.isArray(d))for(const[u,c]of Object.entries(d))o(c,a?`${a}.${u}`:u);else a&&t.push({file:r,path:a,value:d})};o(l,"")}return t}function kt(e){return typeof e=="string"?e:Be(e)}function Sr(e){const[t,r]=v(null),[s,l]=v(""),[o,d]=v({}),[a,u]=v("BRANCH"),[c,h]=v(""),[p,i]=v(""),[m,f]=v(null),[w,_]=v(!1);U(()=>{N(Pn,{id:e.rowId}).then($=>{const T=$.node;!T||!("params"in T)||(r(vr(T.params)),l(T.commit?.branches[0]??T.commit?.sha??T.sha??""))}).catch($=>f($ instanceof Error?$.message:String($)))},[e.rowId]);const g=$=>`${$.file}\0${$.path}`,y=(t??[]).filter($=>g($)in o&&o[g($)]!==kt($.value)).map($=>({file:$.file,path:$.path,value:Qt(o[g($)]??"")})),I=async()=>{_(!0);try{const T=(await N(Nn,{input:{projectId:e.projectId,baseRev:s,paramChanges:y,target:a,branch:c.trim()||null,message:p.trim()||null}})).runExperiment,P=T.errors[0];if(P)f(`${P.code}: ${P.message}`);else{const z=T.pullRequest;f(`Committed ${T.commit?.sha.slice(0,7)??""}${T.branch?` on ${T.branch}`:""}${z?`, pull request #${z.number}`:""}`)}}catch($){f($ instanceof Error?$.message:String($))}finally{_(!1)}};return n("section",{class:"compare","aria-labelledby":"run-title","data-testid":"run-panel",children:[n("div",{class:"compare-head",children:[n("h2",{id:"run-title",children:["Run an experiment from ",e.label]}),n("button",{type:"button",onClick:e.onClose,children:"Close"})]}),t===null?n("p",{class:"muted",children:"Loading params…"}):null,t?n("form",{onSubmit:$=>{$.preventDefault(),I()},children:[n("div",{class:"params-grid",children:t.map($=>n("label",{class:"param","data-testid":"param","data-file":$.file,"data-path":$.path,children:[n("span",{class:"muted small",children:$.file})," ",$.path,n("input",{type:"text",value:o[g($)]??kt($.value),onInput:T=>d({...o,[g($)]:T.currentTarget.value})})]},g($)))}),n("fieldset",{children:[n("legend",{children:"Where the commit goes"}),n("label",{children:["Base",n("input",{type:"text",value:s,onInput:$=>l($.currentTarget.value),required:!0})]}),n("label",{children:["Target",n("select",{value:a,onChange:$=>u($.currentTarget.value),"data-testid":"run-target",children:[n("option",{value:"COMMIT",children:"commit onto the branch"}),n("option",{value:"BRANCH",children:"a new branch"}),n("option",{value:"PULL_REQUEST",children:"a new branch and a pull request"})]})]}),n("label",{children:["Branch",n("input",{type:"text",value:c,onInput:$=>h($.currentTarget.value),"data-testid":"run-branch"})]}),n("label",{children:["Message",n("input",{type:"text",value:p,onInput:$=>i($.currentTarget.value)})]}),n("button",{type:"submit",class:"primary",disabled:w||y.length===0,"data-testid":"run-submit",children:["Run (",y.length," changed)"]})]})]}):null,m?n("p",{class:"notice",role:"status","data-testid":"run-result",children:m}):null]})}function $r(e){const[t,r]=v(null),[s,l]=v(null),o=async()=>{const u=(await N(Dn,{projectId:e.projectId,state:null})).node;r(u&&"pullRequests"in u?u.pullRequests:[])};U(()=>{o().catch(a=>l(a instanceof Error?a.message:String(a)))},[e.projectId]);const d=async(a,u)=>{try{const c={pullRequestId:a.id},p=(u?(await N(Hn,{input:c})).mergePullRequest:(await N(qn,{input:c})).closePullRequest).errors[0];l(p?`${p.code}: ${p.message}`:`#${a.number} ${u?"merged":"closed"}`),await o()}catch(c){l(c instanceof Error?c.message:String(c))}};return n("section",{class:"compare","aria-labelledby":"prs-title","data-testid":"pull-requests",children:[n("div",{class:"compare-head",children:[n("h2",{id:"prs-title",children:"Pull requests"}),n("button",{type:"button",onClick:e.onClose,children:"Close"})]}),s?n("p",{class:"muted",role:"status",children:s}):null,t===null?n("p",{class:"muted",children:"Loading…"}):t.length===0?n("p",{class:"muted",children:"No pull requests."}):n("table",{class:"projects",children:[n("thead",{children:n("tr",{children:[n("th",{scope:"col",children:"#"}),n("th",{scope:"col",children:"Title"}),n("th",{scope:"col",children:"Branches"}),n("th",{scope:"col",children:"State"}),n("th",{scope:"col",children:"Opened"}),n("th",{scope:"col",children:n("span",{class:"sr-only",children:"Actions"})})]})}),n("tbody",{children:t.map(a=>n("tr",{"data-testid":"pull-request","data-number":a.number,children:[n("td",{children:a.url?n("a",{href:a.url,children:["#",a.number]}):`#${a.number}`}),n("th",{scope:"row",children:a.title}),n("td",{children:[a.sourceBranch," → ",a.targetBranch]}),n("td",{children:[a.state.toLowerCase(),a.state==="OPEN"&&a.mergeable===!1?` (conflicts: ${a.conflicts.join(", ")})`:""]}),n("td",{children:[oe(a.createdAt)," by ",a.createdBy]}),n("td",{children:a.state==="OPEN"&&a.forge===null?n(ne,{children:[n("button",{type:"button",disabled:a.mergeable===!1,onClick:()=>{d(a,!0)},children:["Merge #",a.number]})," ",n("button",{type:"button",onClick:()=>{d(a,!1)},children:["Close #",a.number]})]}):null})]},a.id))})]})]})}const kr=200;function Ir(e){const{project:t}=e,r=t.columns.filter(i=>i.kind==="METRIC"&&i.type==="number"),s=t.branches.filter(i=>!i.hidden),[l,o]=v(t.defaultBranch??s[0]?.name??""),[d,a]=v(r[0]?.id??""),[u,c]=v(null),[h,p]=v(null);return U(()=>{if(!l||!d)return;let i=!1;return c(null),N(Zn,{projectId:t.id,branch:l,columns:[d],first:kr}).then(m=>{const f=m.node;if(i||!f||!("trends"in f))return;const w=f.trends.filter(_=>typeof _.values[0]=="number").map(_=>({committedAt:_.committedAt,value:_.values[0],sha:_.sha.slice(0,7),message:_.message}));c({$schema:"https://vega.github.io/schema/vega-lite/v6.json",title:`${Te(d)} on ${l}`,width:560,height:220,data:{values:w},mark:{type:"line",point:!0,tooltip:!0},encoding:{x:{field:"committedAt",type:"temporal",title:"committed"},y:{field:"value",type:"quantitative",title:Te(d),scale:{zero:!1}},tooltip:[{field:"sha",title:"commit"},{field:"message",title:"message"},{field:"value",title:Te(d)}]}}),p(null)}).catch(m=>{i||p(m instanceof Error?m.message:String(m))}),()=>{i=!0}},[t.id,l,d]),n("section",{class:"compare","aria-labelledby":"trends-title","data-testid":"trends-panel",children:[n("div",{class:"compare-head",children:[n("h2",{id:"trends-title",children:"Trends"}),n("label",{children:["Branch",n("select",{value:l,onChange:i=>o(i.currentTarget.value),children:s.map(i=>n("option",{value:i.name,children:i.name},i.name))})]}),n("label",{children:["Metric",n("select",{value:d,onChange:i=>a(i.currentTarget.value),children:r.map(i=>n("option",{value:i.id,children:i.id},i.id))})]}),n("button",{type:"button",onClick:e.onClose,children:"Close trends"})]}),h?n("p",{class:"sync-error",children:h}):null,r.length===0?n("p",{class:"muted",children:"This project has no numeric metric."}):null,u?n(Jt,{spec:u}):null]})}const xr=9e4,Er=500,Cr=20;function Tr(e,t,r){const s=4+e,l=s+2+(t?1+Cr*s:0),o=Math.floor(xr/l);return Math.max(5,Math.min(r?100:Er,o))}function Rr(e,t){const{commit:r,...s}=e,l={...s,committedAt:r?.committedAt,branches:r?.branches};return t&&e.kind==="COMMIT"&&(l.children=r?.experiments?[...r.experiments]:[]),l}class jr{query;segments;onChange;stopped=!1;itemsCache=null;collapsedBranches;collapsedRows;includeHidden;constructor(t,r,s,l={branches:new Set,rows:new Set}){this.collapsedBranches=l.branches,this.collapsedRows=l.rows,this.query=t,this.segments=r,this.onChange=s,this.includeHidden=!!t.filter.includeHidden}stop(){this.stopped=!0}isStopped(){return this.stopped}changed(){this.itemsCache=null,this.stopped||this.onChange()}async load(t){if(!(t.loading||!t.hasNext&&t.total!==null||this.stopped)){t.loading=!0;try{const r={projectId:this.query.projectId,filter:t.filter,orderBy:this.query.orderBy,first:Tr(this.query.columns.length,this.query.nested,t.total===null),after:t.cursor,columns:this.query.columns},s=this.query.nested?await N(Vn,r):await N(Un,r);if(this.isStopped())return;const l=s.node;if(!l||!("experiments"in l))throw new Error("the project is gone");const o=l.experiments,d=new Set(t.rows.map(a=>a.id));for(const a of o.nodes)d.has(a.id)||t.rows.push(Rr(a,this.query.nested));t.total=Math.max(o.totalCount,t.rows.length),t.cursor=o.pageInfo.endCursor,t.hasNext=o.pageInfo.hasNextPage,t.hasNext||(t.total=t.rows.length),t.error=null}catch(r){t.error=r instanceof Error?r.message:String(r),t.hasNext=!1,t.total=t.rows.length}finally{t.loading=!1,this.changed()}}}items(){if(this.itemsCache)return this.itemsCache;const t=[];for(const r of this.segments){if(r.label!==null&&(t.push({t:"branch",key:"b:"+r.key,seg:r}),this.collapsedBranches.has(r.key)))continue;for(const l of r.rows)if(!(!this.includeHidden&&l.hidden)&&(t.push({t:"row",key:r.key+":"+l.id,row:l,seg:r,depth:0}),l.children&&!this.collapsedRows.has(l.id)))for(const o of l.children)!this.includeHidden&&o.hidden||t.push({t:"child",key:r.key+":"+l.id+":"+o.id,row:o,parent:l,depth:1});const s=r.total===null?1:r.error?0:r.total-r.rows.length;for(let l=0;l<s;l++)t.push({t:"more",key:`m:${r.key}:${l}`,seg:r})}return this.itemsCache=t,t}*places(t){for(const r of this.segments)for(let s=0;s<r.rows.length;s++){const l=r.rows[s];if(l&&(l.id===t&&(yield{list:r.rows,index:s}),l.children)){const o=l.children.findIndex(d=>d.id===t);o>=0&&(yield{list:l.children,index:o})}}}upsert(t,r){let s=!1;for(const{list:l,index:o}of this.places(t.id)){const d=l[o];d&&(l[o]={...d,...t}),s=!0}return!s&&r&&(s=this.place(t)),s&&this.changed(),s}place(t){if(this.query.nested&&t.kind!=="COMMIT"){let s=!1;for(const o of this.segments)for(const d of o.rows)d.kind==="COMMIT"&&d.sha&&d.sha===t.baselineSha&&d.children&&(d.children.unshift({...t}),s=!0);if(s)return!0;const l=this.segments.find(o=>o.key==="detached");return t.detached&&l?(l.rows.unshift({...t}),l.total=(l.total??0)+1,!0):!1}const r=this.segments[0];return!r||this.query.nested?!1:(r.rows.unshift({...t}),r.total!==null&&(r.total+=1),!0)}patch(t,r){let s=!1;for(const{list:l,index:o}of this.places(t)){const d=l[o];d&&(l[o]={...d,...r}),s=!0}s&&this.changed()}remove(t){let r=!1;for(const s of this.segments){const l=s.rows.length;s.rows=s.rows.filter(o=>o.id!==t),s.rows.length!==l&&(r=!0,s.total!==null&&(s.total-=l-s.rows.length));for(const o of s.rows)o.children?.some(d=>d.id===t)&&(o.children=o.children.filter(d=>d.id!==t),r=!0)}r&&this.changed()}find(t){for(const{list:r,index:s}of this.places(t))return r[s]??null;return null}}const je=32,It=12,Mr=60,xt=2500;function Ar(e,t,r){const s=we(t),l=(u,c,h,p)=>({key:u,label:c,branch:h,filter:p,rows:[],total:null,cursor:null,hasNext:!0,loading:!1,error:null});if(!r)return[l("all",null,null,s)];const o={...s,kinds:["COMMIT"]};if(s.detached===!0)return[l("detached","Detached runs",null,s)];if(s.branch)return[l("branch:"+s.branch,s.branch,s.branch,o)];if(s.onBranch)return[l("on:"+s.onBranch,`commits on ${s.onBranch}`,null,o)];if(s.tag)return[l("tag:"+s.tag,`tag ${s.tag}`,null,o)];const a=e.branches.filter(u=>!u.folded&&(t.showHidden||!u.hidden)).sort((u,c)=>u.name===e.defaultBranch?-1:c.name===e.defaultBranch?1:u.name<c.name?-1:1).map(u=>l("branch:"+u.name,u.name,u.name,{...o,branch:u.name}));return s.detached!==!1&&a.push(l("detached","Detached runs",null,{...s,detached:!0})),a}function Kt(e){return e.kind==="COMMIT"?e.sha?.slice(0,7)??String(e.databaseId):e.name??(e.kind==="LIVE"?`live run ${e.databaseId}`:e.sha?.slice(0,7)??String(e.databaseId))}const Et=new WeakMap;function Ct(e){let t=Et.get(e);return t||(t=new Map(e.values.map(r=>[r.column,r.value])),Et.set(e,t)),t}async function Tt(e,t){try{const s=(await N(On,{projectId:e,name:t})).node;return s&&"view"in s?s.view?.goals??[]:[]}catch{return[]}}function Pr(e){return typeof e=="object"&&e!==null&&"databaseId"in e&&"values"in e}function Nr(e){return(e??"").split(`
`,1)[0]??""}const Dr=[36,250,124,120,120,240,140],Hr=116,qr=84;function Br(e){const t=[...Dr,...e.map(()=>Hr),qr];return{grid:t.map(r=>`${r}px`).join(" "),width:t.reduce((r,s)=>r+s,0)}}function Or(e){me(e.name);const[t,r]=v(null),[s,l]=v(!1),[o,d]=v(null),[a,u]=v(null),[c,h]=v(null),[,p]=v(0),[i,m]=v(new Set),[f,w]=v(null),[_,g]=v(null),[y,I]=v(!1),[$,T]=v(null),[P,z]=v(!1),J=pe(new Map),X=pe({branches:new Set,rows:new Set}),L=mt(async()=>{try{const b=await N(Bn,{name:e.name,includeHidden:!0});return b.project?(r(b.project),b.project):(l(!0),null)}catch(b){return b instanceof be&&(b.has("UNAUTHENTICATED")||b.has("FORBIDDEN")||b.has("NOT_FOUND"))?l(!0):d(b),null}},[e.name]);U(()=>{L().then(b=>{if(!b)return;const k=vt(b),R=new URLSearchParams(location.search).get("view"),q=R?b.views.find(B=>B.name===R):void 0;if(!q){u(k);return}Tt(b.id,q.name).then(B=>u($t(q,b,k,B)))})},[L]);const G=a?a.groupByBranch&&St(a):!1,de=a&&t?JSON.stringify([t.id,we(a),Re(a.sort),a.columns,G,t.branches]):null;U(()=>{if(!t||!a||de===null)return;const b=new jr({projectId:t.id,filter:we(a),orderBy:Re(a.sort),columns:a.columns,nested:G},Ar(t,a,G),()=>p(k=>k+1),X.current);return h(b),()=>b.stop()},[de]),U(()=>{c&&(c.includeHidden=!!a?.showHidden),c?.changed()},[c,a?.showHidden]),U(()=>{if(!c||!t)return;const b={projectId:t.id,columns:c.query.columns},k=Object.keys(c.query.filter).every(W=>W==="includeHidden"),R=c.query.nested||k&&c.query.orderBy===null,q=W=>{J.current.set(W,Date.now()+xt),setTimeout(()=>{const K=J.current.get(W);K!==void 0&&K<=Date.now()&&(J.current.delete(W),c.changed())},xt+50)},B=Je(Jn,b,W=>{const K=W.experimentEvents;if(K.change==="REMOVED"||!K.experiment){c.remove(K.experimentId);return}c.upsert(K.experiment,R)&&q(K.experimentId)}),ie=Je(Xn,b,W=>{const K=W.liveMetrics;c.upsert(K.experiment,R)&&q(K.experimentId)});return()=>{B(),ie()}},[c,t]);const S=a?.baselineId??null,E=a?JSON.stringify(a.columns):"";U(()=>{if(!S||!a)return;let b=!1;return N(Ln,{id:S,columns:a.columns}).then(k=>{const R=k.node;if(b||!Pr(R))return;const q=R;u(B=>B&&B.baselineId===S?{...B,baseline:q}:B)}).catch(k=>w(k instanceof Error?k.message:String(k))),()=>{b=!0}},[S,E]);const C=mt(b=>{u(k=>k&&{...k,...b,view:"view"in b?b.view??null:k.view})},[]),x=a?.viewGoals,A=He(()=>t&&a?gr(t,a):new Map,[t,x]);if(s)return n(Wt,{what:`Project “${e.name}”`,signedIn:e.session!==null});if(o)return n(ke,{error:o});if(!t||!a||!c)return n("p",{class:"muted",children:["Loading ",e.name,"…"]});const H=e.session!==null,O=async b=>{const k=t.views.find(B=>B.name===b),R=new URLSearchParams(location.search);if(k){const B=await Tt(t.id,k.name);u($t(k,t,a,B)),R.set("view",k.name)}else u({...vt(t),view:null}),R.delete("view");const q=R.toString();Qe(location.pathname+(q?"?"+q:""),!0)},M=async(b,k)=>{try{const R=await N(Wn,{input:{projectId:t.id,name:b,shared:k,columns:a.columns,filter:we(a),order:Re(a.sort),baseline:a.baselineId,goals:Object.entries(a.viewGoals).map(([ie,W])=>({column:ie,goal:W})),includeHidden:a.showHidden}}),q=R.saveView.errors[0];if(q)return`${q.code}: ${q.message}`;const B=R.saveView.view;if(B){const ie=[...t.views.filter(K=>K.id!==B.id),B];r({...t,views:ie}),u({...a,view:B.name});const W=new URLSearchParams(location.search);W.set("view",B.name),Qe(location.pathname+"?"+W.toString(),!0)}return null}catch(R){return R instanceof Error?R.message:String(R)}},ee=async b=>{try{const R=(await N(zn,{input:{id:b.id}})).deleteView.errors[0];return R?`${R.code}: ${R.message}`:(r({...t,views:t.views.filter(q=>q.id!==b.id)}),await O(null),`Deleted “${b.name}”`)}catch(k){return k instanceof Error?k.message:String(k)}},te=async(b,k,R)=>{try{const q={input:{projectId:t.id,ids:b,branches:k},columns:c.query.columns},B=R?(await N(Gn,q)).unhideRows:(await N(Fn,q)).hideRows,ie=B.errors[0];if(ie){w(`${ie.code}: ${ie.message}`);return}for(const W of B.experiments)c.patch(W.id,{hidden:W.hidden,autoHidden:W.autoHidden});k.length&&await L(),m(new Set),w(`${R?"Shown":"Hidden"}: ${b.length+k.length}`)}catch(q){w(q instanceof Error?q.message:String(q))}},re=[...i].map(b=>c.find(b)).filter(b=>b!==null),se=St(a);return n("section",{class:"table-page","aria-labelledby":"table-title",children:[n("div",{class:"title-bar",children:[n("h1",{id:"table-title",children:t.name}),n("span",{class:"muted small",children:[t.visibility.toLowerCase()," · synced ",oe(t.lastSyncedAt)," ·"," ",n("span",{class:`badge sync-${t.syncState.toLowerCase()}`,children:t.syncState.toLowerCase()})]}),t.lastSyncError?n("span",{class:"sync-error",children:t.lastSyncError}):null,n("a",{class:"csv",href:_r(t.databaseId,a),"data-testid":"csv-link",download:!0,children:"Export CSV"})]}),n("div",{class:"toolbar",role:"toolbar","aria-label":"Table",children:[n(wr,{views:t.views,current:a.view,signedIn:H,pick:b=>{O(b)},save:M,remove:ee}),n(yr,{project:t,state:a,update:C}),n(br,{project:t,state:a,update:C}),n("label",{title:se?"":"A sort by a value or a value filter lists rows flat",children:[n("input",{type:"checkbox",checked:a.groupByBranch&&se,disabled:!se,onChange:b=>C({groupByBranch:b.currentTarget.checked}),"data-testid":"group-toggle"})," ","Group by branch"]}),n("label",{children:[n("input",{type:"checkbox",checked:a.showHidden,onChange:b=>C({showHidden:b.currentTarget.checked}),"data-testid":"show-hidden"})," ","Show hidden"]}),n("button",{type:"button","aria-pressed":y,onClick:()=>I(!y),"data-testid":"trends-toggle",children:"Trends"}),n("button",{type:"button","aria-pressed":P,onClick:()=>z(!P),"data-testid":"pulls-toggle",children:"Pull requests"}),n("label",{children:[n("input",{type:"checkbox",checked:a.deltas,disabled:!a.baseline,onChange:b=>C({deltas:b.currentTarget.checked}),"data-testid":"delta-mode"})," ","Deltas"]})]}),n("div",{class:"selection-bar","aria-live":"polite",children:[n("span",{children:i.size?`${i.size} selected`:"Select rows to hide them or to use one as the baseline."}),i.size?n(ne,{children:[n("button",{type:"button",disabled:!H,onClick:()=>{te([...i],[],!1)},children:"Hide selected"}),n("button",{type:"button",disabled:!H,onClick:()=>{te([...i],[],!0)},children:"Unhide selected"}),n("button",{type:"button",disabled:re.length!==1,onClick:()=>C({baseline:re[0]??null,baselineId:re[0]?.id??null}),"data-testid":"set-baseline",children:"Use as baseline"}),n("button",{type:"button",disabled:!H||re.length!==1,onClick:()=>T(re[0]??null),"data-testid":"run-experiment",children:"Run experiment"}),n("button",{type:"button",disabled:i.size>100,onClick:()=>g([...i]),"data-testid":"compare",children:"Compare"}),n("button",{type:"button",onClick:()=>m(new Set),children:"Clear selection"})]}):null,a.baseline?n("button",{type:"button",onClick:()=>C({baseline:null,baselineId:null,deltas:!1}),children:"Clear baseline"}):null,f?n("span",{class:"muted",role:"status",children:f}):null]}),$?n(Sr,{projectId:t.id,rowId:$.id,label:Kt($),onClose:()=>T(null)}):null,P?n($r,{projectId:t.id,onClose:()=>z(!1)}):null,y?n(Ir,{project:t,onClose:()=>I(!1)}):null,_?n(dr,{projectId:t.id,ids:_,baselineId:a.baselineId,onClose:()=>g(null)}):null,n(Lr,{project:t,model:c,state:a,goals:A,selected:i,flash:J.current,signedIn:H,onSelect:(b,k)=>{const R=new Set(i);k?R.add(b):R.delete(b),m(R)},onSort:b=>{const k=a.sort,R=k?.key!==b?{key:b,direction:"DESC"}:k.direction==="DESC"?{key:b,direction:"ASC"}:null;C({sort:R})},onHide:(b,k)=>{te([b.id],[],k)},onHideBranch:(b,k)=>{te([],[b],k)}})]})}function Lr(e){const{model:t,state:r}=e,s=pe(null),[l,o]=v(0),[d,a]=v(600),u=t.items(),{grid:c,width:h}=He(()=>Br(r.columns),[r.columns]);U(()=>{const g=s.current;if(!g)return;const y=new ResizeObserver(()=>a(g.clientHeight));return y.observe(g),a(g.clientHeight),()=>y.disconnect()},[]),U(()=>{s.current&&(s.current.scrollTop=0),o(0)},[t]);const p=Math.max(0,Math.floor(l/je)-It),i=Math.min(u.length,Math.ceil((l+d)/je)+It);U(()=>{const g=new Set,y=Math.min(u.length,i+Mr);for(let I=p;I<y;I++){const $=u[I];$?.t==="more"&&!$.seg.loading&&g.add($.seg)}for(const I of g)t.load(I)});const m=r.baseline?2:1,f=[];for(let g=p;g<i;g++){const y=u[g];y&&f.push(n(Ur,{item:y,index:g,rowIndex:g+m+1,...e},y.key))}const w=g=>r.sort?.key===g?r.sort.direction==="ASC"?"ascending":"descending":"none",_=(g,y,I,$="")=>n("div",{role:"columnheader",class:`th ${$}`,"aria-sort":w(g),"data-testid":"column-header","data-column":g,children:n("button",{type:"button",class:"sort",title:I,onClick:()=>e.onSort(g),children:[n("span",{children:y}),n("span",{class:"arrow","aria-hidden":"true",children:w(g)==="ascending"?"▲":w(g)==="descending"?"▼":""})]})});return n("div",{class:"table-scroll",ref:s,role:"table","aria-label":`Experiments of ${e.project.name}`,"aria-rowcount":u.length+m,"data-testid":"experiments-table","data-nested":t.query.nested?"true":"false",onScroll:g=>o(g.currentTarget.scrollTop),style:{"--grid":c,"--table-w":`${h}px`},children:[n("div",{role:"rowgroup",class:"thead",children:[n("div",{role:"row",class:"tr head","aria-rowindex":1,children:[n("div",{role:"columnheader",class:"th sticky0",children:n("span",{class:"sr-only",children:"Select"})}),n("div",{role:"columnheader",class:"th sticky1",children:"Experiment"}),n("div",{role:"columnheader",class:"th",children:"Status"}),mr.map(g=>_("field:"+g.field,g.label,`Sort by ${g.label.toLowerCase()}`)),r.columns.map(g=>{const y=e.goals.get(g);return _(g,Te(g),`${g}${y?` (${y.toLowerCase()} is better)`:""}`,g.startsWith("metric:")?"metric num":"param num")}),n("div",{role:"columnheader",class:"th",children:n("span",{class:"sr-only",children:"Actions"})})]}),r.baseline?n(Yt,{row:r.baseline,depth:0,rowIndex:2,baseline:!0,...e,index:-1}):null]}),n("div",{role:"rowgroup",class:"tbody",style:{height:`${u.length*je}px`},children:f}),u.length===0?n("p",{class:"empty muted",children:"No rows match."}):null]})}function Ur(e){const{item:t}=e,r={transform:`translateY(${e.index*je}px)`};if(t.t==="branch"){const s=t.seg,l=e.model.collapsedBranches.has(s.key),o=s.total===null?"…":String(s.total),d=e.project.branches.some(a=>a.name===s.branch&&a.hidden);return n("div",{role:"row",class:"tr branch",style:r,"aria-rowindex":e.rowIndex,"data-testid":"branch-row","data-branch":s.branch??s.key,children:n("div",{role:"cell",class:"td span",children:[n("button",{type:"button",class:"twisty","aria-expanded":!l,"aria-label":`${l?"Expand":"Collapse"} ${s.label??""}`,onClick:()=>{l?e.model.collapsedBranches.delete(s.key):e.model.collapsedBranches.add(s.key),e.model.changed()},children:l?"▸":"▾"}),n("strong",{children:s.label}),n("span",{class:"muted small",children:[o," ",s.key==="detached"?"rows":"commits"]}),s.branch&&e.signedIn?n("button",{type:"button",class:"link",onClick:()=>e.onHideBranch(s.branch??"",d),"aria-label":`${d?"Unhide":"Hide"} branch ${s.branch}`,"data-testid":"hide-branch",children:d?"Unhide branch":"Hide branch"}):null,s.error?n("span",{class:"sync-error",children:s.error}):null]})})}return t.t==="more"?n("div",{role:"row",class:"tr more",style:r,"aria-rowindex":e.rowIndex,"data-testid":"placeholder-row",children:n("div",{role:"cell",class:"td span muted",children:t.seg.error??"Loading…"})}):n(Yt,{...e,row:t.row,depth:t.depth,style:r})}class Yt extends ye{flashUntil=0;collapsed=!1;shouldComponentUpdate(t){const r=this.props;return r.row!==t.row||r.index!==t.index||r.rowIndex!==t.rowIndex||r.depth!==t.depth||r.state!==t.state||r.goals!==t.goals||r.selected!==t.selected||r.signedIn!==t.signedIn||r.baseline!==t.baseline||r.model!==t.model||this.flashUntil!==(t.flash.get(t.row.id)??0)||this.collapsed!==t.model.collapsedRows.has(t.row.id)}render(){return this.flashUntil=this.props.flash.get(this.props.row.id)??0,this.collapsed=this.props.model.collapsedRows.has(this.props.row.id),Vr(this.props)}}function Vr(e){const{row:t,state:r,model:s}=e,l=Kt(t),o=Ct(t),d=r.baseline?Ct(r.baseline):null,a=e.baseline===!0||r.baseline?.id===t.id,u=(e.flash.get(t.id)??0)>Date.now(),c=s.collapsedRows.has(t.id),h=["tr",e.depth===1?"child":"",t.kind==="LIVE"?"live":"",t.status==="RUNNING"?"running":"",t.hidden?"hidden-row":"",e.selected.has(t.id)?"selected":"",u?"flash":"",e.baseline?"baseline":""].join(" ");return n("div",{role:"row",class:h,style:e.style,"aria-rowindex":e.rowIndex,"data-testid":e.baseline?"baseline-row":"row","data-row-id":t.id,"data-kind":t.kind,"data-status":t.status,"data-hidden":t.hidden?"true":"false",children:[n("div",{role:"cell",class:"td sticky0",children:n("input",{type:"checkbox","aria-label":`Select ${l}`,checked:e.selected.has(t.id),onChange:p=>e.onSelect(t.id,p.currentTarget.checked)})}),n("div",{role:"cell",class:"td sticky1 name","data-testid":"row-name",children:[e.depth===1?n("span",{class:"indent","aria-hidden":"true"}):null,t.children&&t.children.length>0&&!e.baseline?n("button",{type:"button",class:"twisty","aria-expanded":!c,"aria-label":`${c?"Show":"Hide"} the ${t.children.length} experiments of ${l}`,onClick:()=>{c?s.collapsedRows.delete(t.id):s.collapsedRows.add(t.id),s.changed()},children:c?"▸":"▾"}):n("span",{class:"twisty-space","aria-hidden":"true"}),n("span",{class:t.kind==="COMMIT"?"sha":"exp-name",title:t.sha??t.name??"",children:l}),a?n("span",{class:"chip base",children:"baseline"}):null,t.kind==="LIVE"?n("span",{class:"chip live-chip",children:["live",t.lastStep!==null?` · step ${t.lastStep}`:""]}):null,t.detached?n("span",{class:"chip",children:"detached"}):null,t.tags.slice(0,2).map(p=>n("span",{class:"chip tag",children:p},p))]}),n("div",{role:"cell",class:"td","data-testid":"status",children:n("span",{class:`status status-${t.status.toLowerCase()}`,children:t.status})}),n("div",{role:"cell",class:"td ellipsis",children:t.branches?.[0]??""}),n("div",{role:"cell",class:"td ellipsis",children:t.author?.name??""}),n("div",{role:"cell",class:"td ellipsis",title:t.message??"",children:Nr(t.message)}),n("div",{role:"cell",class:"td ellipsis",title:oe(t.committedAt??t.createdAt),children:oe(t.committedAt??t.createdAt).replace(" UTC","")}),r.columns.map(p=>{const i=o.get(p),m=d?.get(p);let f=Be(i),w="td num",_;if(d&&!a&&typeof i=="number"&&typeof m=="number"){const g=i-m;r.deltas&&(f=Ke(g));const y=e.goals.get(p);if(y&&g!==0){const I=y==="HIGHER"?g>0:g<0;w+=I?" better":" worse",_=`${I?"better":"worse"} than the baseline (${Ke(g)})`}}return n("div",{role:"cell",class:w,title:_,"data-column":p,children:f},p)}),n("div",{role:"cell",class:"td actions",children:e.signedIn&&!e.baseline?n("button",{type:"button",class:"link","aria-label":`${t.hidden?"Unhide":"Hide"} ${l}`,onClick:()=>e.onHide(t,t.hidden),"data-testid":"hide-row",children:t.hidden?"Unhide":"Hide"}):null})]})}function Fr(e){me(e.model);const[t,r]=v(null),[s,l]=v(""),[o,d]=v(null),[a,u]=v(!1),[c,h]=v(null),[p,i]=v(null),[m,f]=v(!1),[w,_]=v(""),[g,y]=v(""),[I,$]=v(""),[T,P]=v(""),[z,J]=v("");if(U(()=>{N(En,{project:e.project,model:e.model}).then(S=>{if(!S.project?.model){u(!0);return}r(S.project.id),l(S.project.defaultBranch??""),d(S.project.model)}).catch(S=>{S instanceof be&&S.has("UNAUTHENTICATED")?u(!0):h(S)})},[e.project,e.model]),a)return n(Wt,{what:`Model “${e.model}” of “${e.project}”`,signedIn:e.session!==null});if(c)return n(ke,{error:c});if(!o||!t)return n("p",{class:"muted",children:["Loading ",e.model,"…"]});const X=async(S,E)=>{f(!0);try{const C=await S(),x=C.errors[0];x?i(`${x.code}: ${x.message}`):(C.model&&d(C.model),i(`${E}${C.tag?` (tag ${C.tag})`:""}`))}catch(C){i(C instanceof Error?C.message:String(C))}finally{f(!1)}},L={projectId:t,model:o.name},G=o.versions.filter(S=>S.registered),de=e.session!==null;return n("section",{"aria-labelledby":"model-title",children:[n("p",{class:"muted small",children:[n("a",{href:qe(e.project),children:e.project})," / models"]}),n("h1",{id:"model-title",children:[o.name," ",o.deprecated?n("span",{class:"chip",children:"deprecated"}):null]}),n("p",{class:"muted",children:[o.type??"model"," · ",o.path??"no path"," ",o.declaredIn?`· declared in ${o.declaredIn}`:""," · latest"," ",o.latestVersion?.version??"none"]}),o.description?n("p",{children:o.description}):null,o.registryError?n("div",{class:"notice error",children:o.registryError.message}):null,p?n("p",{class:"notice",role:"status","data-testid":"model-message",children:p}):null,n("h2",{children:"Stages"}),o.stages.length===0?n("p",{class:"muted",children:"No stage assigned."}):n("ul",{class:"stages","data-testid":"stages",children:o.stages.map(S=>n("li",{"data-stage":S.stage,children:[n("strong",{children:S.stage}),": ",S.versions.map(E=>E.version).join(", ")]},S.stage))}),n("h2",{children:"Versions"}),n("table",{class:"projects","data-testid":"versions",children:[n("thead",{children:n("tr",{children:[n("th",{scope:"col",children:"Version"}),n("th",{scope:"col",children:"Commit"}),n("th",{scope:"col",children:"Stages"}),n("th",{scope:"col",children:"Author"}),n("th",{scope:"col",children:"Created"}),n("th",{scope:"col",children:"State"})]})}),n("tbody",{children:o.versions.map(S=>n("tr",{"data-testid":"version","data-version":S.version,children:[n("th",{scope:"row",children:S.version}),n("td",{children:n("code",{children:S.commit.slice(0,7)})}),n("td",{children:S.stages.join(", ")}),n("td",{children:S.author}),n("td",{children:oe(S.createdAt)}),n("td",{children:S.active?"active":S.registered?"deregistered":"unregistered"})]},S.version))})]}),de?n("div",{class:"registry-forms",children:[n("form",{onSubmit:S=>{S.preventDefault(),X(async()=>(await N(Cn,{input:{...L,rev:w.trim()||s,version:g.trim()||null,bump:I||null}})).registerModelVersion,"Registered")},children:n("fieldset",{children:[n("legend",{children:"Register a version"}),n("label",{children:["Commit, branch or tag",n("input",{type:"text",value:w,placeholder:s,onInput:S=>_(S.currentTarget.value),"data-testid":"register-rev"})]}),n("label",{children:["Version",n("input",{type:"text",value:g,placeholder:"v1.2.3 (or bump)",onInput:S=>y(S.currentTarget.value),"data-testid":"register-version"})]}),n("label",{children:["Bump",n("select",{value:I,onChange:S=>$(S.currentTarget.value),children:[n("option",{value:"",children:"default"}),n("option",{value:"PATCH",children:"patch"}),n("option",{value:"MINOR",children:"minor"}),n("option",{value:"MAJOR",children:"major"})]})]}),n("button",{type:"submit",class:"primary",disabled:m,children:"Register"})]})}),n("form",{onSubmit:S=>{S.preventDefault();const E={...L,version:T||(G[0]?.version??""),stage:z.trim()};X(async()=>(await N(Tn,{input:E})).assignStage,`Assigned ${E.stage}`)},children:n("fieldset",{children:[n("legend",{children:"Stages"}),n("label",{children:["Version",n("select",{value:T,onChange:S=>P(S.currentTarget.value),"data-testid":"stage-version",children:G.map(S=>n("option",{value:S.version,children:S.version},S.version))})]}),n("label",{children:["Stage",n("input",{type:"text",value:z,required:!0,onInput:S=>J(S.currentTarget.value),"data-testid":"stage-name"})]}),n("button",{type:"submit",disabled:m||G.length===0,children:"Assign"}),n("button",{type:"button",disabled:m||G.length===0||!z.trim(),onClick:()=>{const S={...L,version:T||(G[0]?.version??""),stage:z.trim()};X(async()=>(await N(Rn,{input:S})).unassignStage,`Unassigned ${S.stage}`)},children:"Unassign"})]})}),n("button",{type:"button",disabled:m||o.deprecated,onClick:()=>{confirm(`Deprecate ${o.name}? A new registry tag revives it.`)&&X(async()=>(await N(jn,{input:L})).deprecateModel,"Deprecated")},children:"Deprecate model"})]}):null,n("h2",{children:"History"}),n("table",{class:"projects","data-testid":"history",children:[n("thead",{children:n("tr",{children:[n("th",{scope:"col",children:"When"}),n("th",{scope:"col",children:"Event"}),n("th",{scope:"col",children:"Version"}),n("th",{scope:"col",children:"Stage"}),n("th",{scope:"col",children:"By"}),n("th",{scope:"col",children:"Tag"})]})}),n("tbody",{children:o.history.map(S=>n("tr",{children:[n("td",{children:oe(S.createdAt)}),n("td",{children:S.kind.toLowerCase()}),n("td",{children:S.version??""}),n("td",{children:S.stage??""}),n("td",{children:S.author}),n("td",{children:n("code",{children:S.tag})})]},S.tag+S.kind))})]})]})}function Gr(e,t){return`${qe(e)}/models/${encodeURIComponent(t)}`}function Wr(e){me("Models");const[t,r]=v(null),[s,l]=v(0),[o,d]=v(null),[a,u]=v(""),[c,h]=v(null),p=async(i,m)=>{try{const f=await N(Mn,{after:i,filter:m?{name:m}:null});r(w=>[...i&&w?w:[],...f.models.nodes]),l(f.models.totalCount),d(f.models.pageInfo.hasNextPage?f.models.pageInfo.endCursor:null),h(null)}catch(f){h(f)}};return U(()=>{const i=setTimeout(()=>{p(null,a.trim())},a?250:0);return()=>clearTimeout(i)},[a]),n("section",{"aria-labelledby":"models-title",children:[n("h1",{id:"models-title",children:"Models"}),n("div",{class:"toolbar",children:[n("label",{children:["Find a model",n("input",{type:"search",value:a,onInput:i=>u(i.currentTarget.value),"data-testid":"model-search"})]}),e.session?null:n("span",{class:"muted",children:"Signed out: models of public projects only."})]}),c?n(ke,{error:c}):null,t===null?n("p",{class:"muted",children:"Loading models…"}):t.length===0?n("p",{children:"No models. Declare one in a dvc.yaml (`artifacts:`) or register one with GTO."}):n("table",{class:"projects","data-testid":"models",children:[n("caption",{class:"sr-only",children:[s," models"]}),n("thead",{children:n("tr",{children:[n("th",{scope:"col",children:"Model"}),n("th",{scope:"col",children:"Project"}),n("th",{scope:"col",children:"Latest version"}),n("th",{scope:"col",children:"Stages"}),n("th",{scope:"col",children:"Type"})]})}),n("tbody",{children:t.map(i=>n("tr",{"data-testid":"model","data-model":i.name,children:[n("th",{scope:"row",children:[i.project?n("a",{href:Gr(i.project.name,i.name),children:i.name}):i.name,i.deprecated?n("span",{class:"chip",children:" deprecated"}):null,i.description?n("div",{class:"muted small",children:i.description}):null,i.registryError?n("div",{class:"sync-error",children:i.registryError.message}):null]}),n("td",{children:i.project?n("a",{href:qe(i.project.name),children:i.project.name}):"—"}),n("td",{children:i.latestVersion?n(ne,{children:[i.latestVersion.version," ",n("span",{class:"muted small",children:oe(i.latestVersion.createdAt)})]}):n("span",{class:"muted",children:"unregistered"})}),n("td",{children:i.stages.map(m=>n("span",{class:"chip tag",children:[m.stage,": ",m.versions.map(f=>f.version).join(", ")]},m.stage))}),n("td",{children:i.type??""})]},`${i.project?.id??""}:${i.name}`))})]}),o?n("button",{type:"button",onClick:()=>{p(o,a.trim())},children:"More models"}):null]})}const zr=["READ","PROJECTS","EXPERIMENTS","MODELS","ADMIN"];function Jr(e){me("Access tokens");const[t,r]=v(null),[s,l]=v(null),[o,d]=v(""),[a,u]=v(new Set(["READ","EXPERIMENTS"])),[c,h]=v(null),[p,i]=v(null),m=async()=>{try{const _=await N(Qn,{});r(_.me.tokens)}catch(_){l(_)}};if(U(()=>{e.session&&m()},[e.session]),!e.session)return n("section",{children:[n("h1",{children:"Access tokens"}),n("p",{children:[n("a",{href:$e(),children:"Sign in"})," to manage your tokens."]})]});const f=async()=>{h(null);try{const _=await N(Kn,{input:{name:o.trim(),scopes:[...a]}}),g=_.createAccessToken.errors[0];if(g){i(`${g.code}: ${g.message}`);return}h(_.createAccessToken.token??null),i(null),d(""),await m()}catch(_){i(_ instanceof Error?_.message:String(_))}},w=async _=>{if(confirm(`Revoke the token “${_.name}”? Scripts using it stop working.`))try{const y=(await N(Yn,{id:_.id})).revokeAccessToken.errors[0];i(y?`${y.code}: ${y.message}`:`Revoked “${_.name}”`),await m()}catch(g){i(g instanceof Error?g.message:String(g))}};return n("section",{"aria-labelledby":"tokens-title",children:[n("h1",{id:"tokens-title",children:"Access tokens"}),s?n(ke,{error:s}):null,n("form",{class:"token-form",onSubmit:_=>{_.preventDefault(),f()},children:[n("label",{children:["Name",n("input",{type:"text",required:!0,value:o,onInput:_=>d(_.currentTarget.value),"data-testid":"token-name"})]}),n("fieldset",{children:[n("legend",{children:"Scopes"}),zr.map(_=>n("label",{children:[n("input",{type:"checkbox",checked:a.has(_),onChange:g=>{const y=new Set(a);g.currentTarget.checked?y.add(_):y.delete(_),u(y)}})," ",_]},_))]}),n("button",{type:"submit",class:"primary",disabled:!o.trim()||a.size===0,children:"Create token"})]}),c?n("div",{class:"notice",role:"status","data-testid":"new-token",children:n("p",{children:["Your new token (shown once): ",n("code",{children:c})]})}):null,p?n("p",{class:"muted",role:"status",children:p}):null,t===null?n("p",{class:"muted",children:"Loading tokens…"}):n("table",{class:"projects","data-testid":"tokens",children:[n("thead",{children:n("tr",{children:[n("th",{scope:"col",children:"Name"}),n("th",{scope:"col",children:"Prefix"}),n("th",{scope:"col",children:"Scopes"}),n("th",{scope:"col",children:"Created"}),n("th",{scope:"col",children:"Last used"}),n("th",{scope:"col",children:n("span",{class:"sr-only",children:"Actions"})})]})}),n("tbody",{children:t.map(_=>n("tr",{"data-testid":"token",children:[n("th",{scope:"row",children:_.name}),n("td",{children:n("code",{children:_.prefix})}),n("td",{children:_.scopes.join(", ")}),n("td",{children:oe(_.createdAt)}),n("td",{children:oe(_.lastUsedAt)}),n("td",{children:n("button",{type:"button",onClick:()=>{w(_)},"aria-label":`Revoke ${_.name}`,children:"Revoke"})})]},_.id))})]})]})}function Xr(e,t){if(e==="/"||e==="")return n(nr,{session:t});const r=/^\/projects\/([^/]+)\/models\/(.+)$/.exec(e);if(r?.[1]&&r[2]){const[l,o]=[decodeURIComponent(r[1]),decodeURIComponent(r[2])];return n(Fr,{project:l,model:o,session:t},e)}const s=/^\/projects\/([^/]+)\/?$/.exec(e);if(s?.[1]){const l=decodeURIComponent(s[1]);return n(Or,{name:l,session:t},l)}return e==="/models"?n(Wr,{session:t}):e==="/settings/tokens"?n(Jr,{session:t}):n(er,{})}function Qr(){const e=vn(),[t,r]=v({loaded:!1});U(()=>{yn().then(d=>r({loaded:!0,session:d})).catch(()=>r({loaded:!0,session:null}))},[]);const s=t.loaded?t.session:null,l=/^\/projects\/[^/]+\/models\//.test(e.path),o=d=>d==="/"?e.path==="/"||e.path.startsWith("/projects/")&&!l?"page":void 0:d==="/models"?e.path==="/models"||l?"page":void 0:e.path.startsWith(d)?"page":void 0;return n(ne,{children:[n("a",{class:"skip",href:"#main",children:"Skip to content"}),n("header",{class:"shell",children:[n("a",{class:"brand",href:"/",children:"gitstudio"}),n("nav",{"aria-label":"Main",children:n("ul",{children:[n("li",{children:n("a",{href:"/","aria-current":o("/"),children:"Projects"})}),n("li",{children:n("a",{href:"/models","aria-current":o("/models"),children:"Models"})}),n("li",{children:n("a",{href:"/settings/tokens","aria-current":o("/settings/tokens"),children:"Tokens"})}),n("li",{children:n("a",{href:"/graphql",children:"GraphiQL"})})]})}),n("div",{class:"who","data-testid":"session",children:t.loaded?s?n(ne,{children:[n("span",{"data-testid":"user",children:s.user}),n("button",{type:"button",onClick:()=>{bn().then(()=>{location.assign($e("/"))})},children:"Sign out"})]}):n("a",{href:$e(),"data-testid":"sign-in",children:"Sign in"}):null})]}),n("main",{id:"main",tabIndex:-1,children:t.loaded?Xr(e.path,s):n("p",{class:"muted",children:"Loading…"})})]})}const Fe=document.getElementById("app");Fe&&($n(Fe),ln(n(Qr,{}),Fe));
